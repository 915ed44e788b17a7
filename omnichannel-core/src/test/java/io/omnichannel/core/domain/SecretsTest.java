package io.omnichannel.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecretsTest {
  @Test
  void secretsAndAccountsNeverPrintTheirPassword() {
    ApiAccount account = new ApiAccount("api-login", Secret.of("hunter2"));
    HookCredentials hook = new HookCredentials("hook-1", Secret.of("hook-pass"));

    assertThat(account.toString()).contains("api-login").doesNotContain("hunter2");
    assertThat(hook.toString()).contains("hook-1").doesNotContain("hook-pass");
    assertThat(Secret.of("hunter2").toString()).isEqualTo("***");
  }

  @Test
  void hookCredentialsMatchOnlyBothParts() {
    HookCredentials hook = new HookCredentials("hook-1", Secret.of("pass"));

    assertThat(hook.matches("hook-1", "pass")).isTrue();
    assertThat(hook.matches("hook-1", "pas")).isFalse();
    assertThat(hook.matches("hook-2", "pass")).isFalse();
    assertThat(hook.matches(null, null)).isFalse();
  }

  @Test
  void confirmationTokensCarryAtLeast128RandomBitsAndAreStoredHashed() {
    RandomTokens random = new RandomTokens(new SecureRandom());
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      ConfirmationToken token = ConfirmationToken.generate(random);
      assertThat(token.reveal()).matches("[A-Za-z0-9_-]{43}");
      assertThat(token.hash()).hasSize(64).isNotEqualTo(token.reveal());
      assertThat(seen.add(token.reveal())).isTrue();
    }
    assertThat(ConfirmationToken.generate(random).toString()).doesNotContain("=");
  }

  @Test
  void randomHookCredentialsDiffer() {
    RandomTokens random = new RandomTokens(new SecureRandom());

    assertThat(HookCredentials.random(random)).isNotEqualTo(HookCredentials.random(random));
  }

  @Test
  void theTechnicalClientIsNamedAfterTheBotAsTheSourceSays() {
    BotProfile bot = new BotProfile(new BotId("1"), "support_bot", "Поддержка Ромашки");

    assertThat(TechnicalClient.nameFor(new ChannelKind("Telegram"), bot))
        .isEqualTo("Telegram: Поддержка Ромашки");
  }
}
