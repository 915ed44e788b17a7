package io.omnichannel.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogSafeTest {

  @Test
  void lineBreaksAndControlCharactersCannotStartALineOfTheirOwn() {
    String forged = "c-1\n[main] WARN admin - logged in\r\u0000\u2028\u0085";

    String safe = LogSafe.of(forged);

    assertThat(safe)
        .isEqualTo("c-1\\n[main] WARN admin - logged in\\r\\u0000\\u2028\\u0085")
        .doesNotContain("\n", "\r", "\u2028", "\u0085");
  }

  @Test
  void invisibleFormattingIsShownAndABackslashStaysUnambiguous() {
    assertThat(LogSafe.of("gpj.\u202eexe")).isEqualTo("gpj.\\u202eexe");
    assertThat(LogSafe.of("a\\nb")).isEqualTo("a\\\\nb");
  }

  @Test
  void ordinaryTextIsKeptAndALongValueIsCut() {
    assertThat(LogSafe.of("Поддержка 42")).isEqualTo("Поддержка 42");
    assertThat(LogSafe.of(null)).isEqualTo("null");
    assertThat(LogSafe.of("m".repeat(100_000)))
        .startsWith("m".repeat(200) + "…")
        .endsWith("(100000 chars)")
        .hasSizeLessThan(230);
  }
}
