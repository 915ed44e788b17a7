package io.omnichannel.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnichannel.core.fakes.FakeMessenger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/**
 * A token is opaque to the core; each messenger's {@link TokenFormat} recognises its own (here
 * BotFather's, as the test messenger describes it, and an opaque one).
 */
class BotTokenTest {
  private static final String TAIL = "AAHfiqksKZ8WmR2zSjiQ7_v4TMAKdiHm9T0";
  private static final TokenFormat BOT_FATHER = FakeMessenger.TELEGRAM.tokenFormat();

  @Test
  void aFormatWithABotGroupKnowsTheBotIdFromTheToken() {
    BotToken token = BotToken.of("123456789:" + TAIL);

    assertThat(BOT_FATHER.botIdIn(token)).contains(new BotId("123456789"));
    assertThat(token.reveal()).isEqualTo("123456789:" + TAIL);
  }

  @Test
  void anOpaqueFormatTellsNoBotIdAndTakesAnyLongEnoughToken() {
    TokenFormat opaque = TokenFormat.opaque(16);
    String text = "f9LLFdcvjb4HgGh-TyE7pq2aX0vI8ZZn_Qa1." + "x".repeat(40);

    assertThat(opaque.parse(" " + text + "\n")).map(BotToken::reveal).contains(text);
    assertThat(opaque.botIdIn(BotToken.of(text))).isEmpty();
    assertThat(opaque.parse("short")).isEmpty();
    assertThat(opaque.parse("with space inside it")).isEmpty();
    assertThat(opaque.parse("x".repeat(BotToken.MAX_LENGTH + 1))).isEmpty();
    assertThat(opaque.shape()).isEmpty();
  }

  @Test
  void aStoredTokenIsAnyVisibleAsciiTextAndNeverEchoed() {
    assertThat(BotToken.of("anything:at-all").reveal()).isEqualTo("anything:at-all");
    assertThatThrownBy(() -> BotToken.of("two words"))
        .isInstanceOf(IllegalArgumentException.class)
        .message()
        .doesNotContain("two words");
    assertThatThrownBy(() -> BotToken.of("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BotToken.of("x".repeat(BotToken.MAX_LENGTH + 1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void neverShowsTheTokenInToString() {
    BotToken token = BotToken.of("123456789:" + TAIL);

    assertThat(token.toString()).isEqualTo("BotToken[***]").doesNotContain(TAIL);
  }

  @Test
  void ignoresBlanksAroundAPastedToken() {
    assertThat(BOT_FATHER.parse("\n 42:" + TAIL + " \t")).contains(BotToken.of("42:" + TAIL));
  }

  @Test
  void refusesMalformedTokensWithoutEchoingThem() {
    assertThat(BOT_FATHER.parse("42:" + TAIL.substring(1))).isEmpty();
    assertThat(BOT_FATHER.parse("42:" + TAIL + "X")).isEmpty();
    assertThat(BOT_FATHER.parse(":" + TAIL)).isEmpty();
    assertThat(BOT_FATHER.parse("4a2:" + TAIL)).isEmpty();
    assertThat(BOT_FATHER.parse("42:" + TAIL.replace('_', '.'))).isEmpty();
    assertThat(BOT_FATHER.parse(null)).isEmpty();
  }

  @Property
  void everyWellFormedTokenParsesAndRoundTrips(
      @ForAll @NumericChars @StringLength(min = 1, max = 20) String id,
      @ForAll("tails") String tail) {
    String text = id + ":" + tail;

    assertThat(BOT_FATHER.parse(text)).map(BotToken::reveal).contains(text);
    assertThat(BOT_FATHER.botIdIn(BotToken.of(text))).contains(new BotId(id));
  }

  @Property
  void aTailOfAnyOtherLengthIsRefused(@ForAll @IntRange(min = 0, max = 80) int length) {
    String tail = "a".repeat(length);

    assertThat(BOT_FATHER.parse("1:" + tail).isPresent()).isEqualTo(length == 35);
  }

  @Property
  void aForeignCharacterAnywhereInTheTailIsRefused(
      @ForAll("tails") String tail,
      @ForAll @IntRange(max = 34) int at,
      @ForAll("foreign") char foreign) {
    String broken = tail.substring(0, at) + foreign + tail.substring(at + 1);

    assertThat(BOT_FATHER.parse("1:" + broken)).isEmpty();
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
