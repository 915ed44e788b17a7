package io.omnichannel.messenger.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextPartsTest {

  @Test
  void aLongTextIsSplitIntoPartsOfAtMostTheLimitWithoutLosingCharacters() {
    String text = ("слово 😀 ").repeat(1500).strip();

    List<String> parts = TextParts.split(text, 4000);

    assertThat(parts).hasSizeGreaterThan(2);
    assertThat(parts).allSatisfy(part -> assertThat(part.length()).isLessThanOrEqualTo(4000));
    assertThat(String.join(" ", parts)).isEqualTo(text);
  }

  @Test
  void aLineBreakInTheSecondHalfIsWhereTheTextIsCut() {
    String text = "a".repeat(70) + "\n" + "b".repeat(20) + " " + "c".repeat(20);

    assertThat(TextParts.split(text, 100))
        .containsExactly("a".repeat(70), "b".repeat(20) + " " + "c".repeat(20));
  }

  @Test
  void aWordLongerThanHalfAPartIsCutButNeverBetweenTheHalvesOfASurrogatePair() {
    String text = "x".repeat(9) + "😀".repeat(5);

    List<String> parts = TextParts.split(text, 10);

    assertThat(parts.get(0)).isEqualTo("x".repeat(9));
    assertThat(parts).allSatisfy(part -> assertThat(part.length()).isLessThanOrEqualTo(10));
    assertThat(String.join("", parts)).isEqualTo(text);
  }

  @Test
  void blankTextHasNoPartsAndTheHeadKeepsTheRestForLater() {
    assertThat(TextParts.split("  \n ", 10)).isEmpty();
    assertThat(TextParts.head(" short ", 10)).containsExactly("short", "");
    assertThat(TextParts.head("first second third", 12)).containsExactly("first second", "third");
  }
}
