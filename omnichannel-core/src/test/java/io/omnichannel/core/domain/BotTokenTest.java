package io.omnichannel.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class BotTokenTest {
  private static final String TAIL = "AAHfiqksKZ8WmR2zSjiQ7_v4TMAKdiHm9T0";

  @Test
  void acceptsBotFathersFormatAndKnowsTheBotId() {
    BotToken token = BotToken.of("123456789:" + TAIL);

    assertThat(token.botId()).isEqualTo(new BotId("123456789"));
    assertThat(token.reveal()).isEqualTo("123456789:" + TAIL);
  }

  @Test
  void neverShowsTheSecretPartInToString() {
    BotToken token = BotToken.of("123456789:" + TAIL);

    assertThat(token.toString()).isEqualTo("BotToken[123456789:***]").doesNotContain(TAIL);
  }

  @Test
  void ignoresBlanksAroundAPastedToken() {
    assertThat(BotToken.parse("\n 42:" + TAIL + " \t")).contains(BotToken.of("42:" + TAIL));
  }

  @Test
  void refusesMalformedTokensWithoutEchoingThem() {
    assertThat(BotToken.parse("42:" + TAIL.substring(1))).isEmpty();
    assertThat(BotToken.parse("42:" + TAIL + "X")).isEmpty();
    assertThat(BotToken.parse(":" + TAIL)).isEmpty();
    assertThat(BotToken.parse("4a2:" + TAIL)).isEmpty();
    assertThat(BotToken.parse("42:" + TAIL.replace('_', '.'))).isEmpty();
    assertThat(BotToken.parse(null)).isEmpty();
    assertThatThrownBy(() -> BotToken.of("42:" + TAIL + "!"))
        .isInstanceOf(IllegalArgumentException.class)
        .message()
        .doesNotContain(TAIL);
  }

  @Property
  void everyWellFormedTokenParsesAndRoundTrips(
      @ForAll @NumericChars @StringLength(min = 1, max = 20) String id,
      @ForAll("tails") String tail) {
    String text = id + ":" + tail;

    assertThat(BotToken.parse(text)).map(BotToken::reveal).contains(text);
    assertThat(BotToken.of(text).botId().value()).isEqualTo(id);
  }

  @Property
  void aTailOfAnyOtherLengthIsRefused(@ForAll @IntRange(min = 0, max = 80) int length) {
    String tail = "a".repeat(length);

    assertThat(BotToken.parse("1:" + tail).isPresent()).isEqualTo(length == 35);
  }

  @Property
  void aForeignCharacterAnywhereInTheTailIsRefused(
      @ForAll("tails") String tail,
      @ForAll @IntRange(max = 34) int at,
      @ForAll("foreign") char foreign) {
    String broken = tail.substring(0, at) + foreign + tail.substring(at + 1);

    assertThat(BotToken.parse("1:" + broken)).isEmpty();
  }

  @Provide
  Arbitrary<String> tails() {
    return Arbitraries.strings()
        .withCharRange('a', 'z')
        .withCharRange('A', 'Z')
        .withCharRange('0', '9')
        .withChars('_', '-')
        .ofLength(35);
  }

  @Provide
  Arbitrary<Character> foreign() {
    return Arbitraries.chars()
        .filter(
            c ->
                !(Character.isLetterOrDigit(c) && c < 128)
                    && c != '_'
                    && c != '-'
                    && !Character.isWhitespace(c));
  }
}
