package io.omnichannel.testkit.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.testkit.support.ManualTicker;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Limits on a hand-moved clock: exact windows, exact retry_after, no waiting. */
class RateLimitTest extends EmulatorTest {
  private final ManualTicker clock = new ManualTicker();

  @Override
  TelegramEmulatorConfig config() {
    return super.config().withRateLimits(RateLimits.real()).withTicker(clock);
  }

  private ApiResponse send(long chatId) {
    return api.form(token, "sendMessage", Map.of("chat_id", chatId, "text", "x"));
  }

  @Test
  void privateChatAllowsABurstOfThreeThenOnePerSecond() {
    emulator.bot(token).user(ALICE).sendsText("hi");
    for (int i = 0; i < 3; i++) {
      assertThat(send(ALICE.id()).status()).isEqualTo(200);
    }

    ApiResponse limited = send(ALICE.id());

    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.errorCode()).isEqualTo(429);
    assertThat(limited.description()).isEqualTo("Too Many Requests: retry after 1");
    assertThat(limited.body().at("/parameters/retry_after").asInt()).isEqualTo(1);
    clock.advance(Duration.ofMillis(999));
    assertThat(send(ALICE.id()).status()).isEqualTo(429);
    clock.advance(Duration.ofMillis(1));
    assertThat(send(ALICE.id()).status()).isEqualTo(200);
    assertThat(send(ALICE.id()).status()).isEqualTo(429);
    assertThat(emulator.tooManyRequestsCount(token)).isEqualTo(3);
    assertThat(emulator.sentCount(token, ALICE.id())).isEqualTo(4);
  }

  @Test
  void pacingAtOnePerSecondNeverHitsTheLimit() {
    emulator.bot(token).user(ALICE).sendsText("hi");
    for (int i = 0; i < 20; i++) {
      assertThat(send(ALICE.id()).status()).isEqualTo(200);
      clock.advance(Duration.ofSeconds(1));
    }
    assertThat(emulator.tooManyRequestsCount(token)).isZero();
  }

  @Test
  void groupAllowsTwentyPerMinuteWithRetryAfterUntilTheOldestLeavesTheWindow() {
    GroupScenario team = emulator.bot(token).group(GroupSpec.of(-4_100_000L, "Team"));
    team.addsBotAsMember(ALICE);
    for (int i = 0; i < 20; i++) {
      assertThat(send(team.chatId()).status()).isEqualTo(200);
      clock.advance(Duration.ofSeconds(1));
    }

    ApiResponse limited = send(team.chatId());

    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.body().at("/parameters/retry_after").asInt()).isEqualTo(40);
    clock.advance(Duration.ofSeconds(40));
    assertThat(send(team.chatId()).status()).isEqualTo(200);
    assertThat(send(team.chatId()).body().at("/parameters/retry_after").asInt()).isEqualTo(1);
  }

  @Test
  void aBotSendsAtMostThirtyPerSecondOverAllChats() {
    for (int i = 0; i < 31; i++) {
      emulator.bot(token).user(UserSpec.of(500_000L + i, "User " + i)).sendsText("hi");
    }
    for (int i = 0; i < 30; i++) {
      assertThat(send(500_000L + i).status()).isEqualTo(200);
    }

    ApiResponse limited = send(500_030L);

    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.body().at("/parameters/retry_after").asInt()).isEqualTo(1);
    clock.advance(Duration.ofSeconds(1));
    assertThat(send(500_030L).status()).isEqualTo(200);
  }

  @Test
  void eachRefusalIsCountedByTheWindowThatRefusedItWithHowEarlyItCame() {
    for (int i = 0; i < 31; i++) {
      emulator.bot(token).user(UserSpec.of(500_000L + i, "User " + i)).sendsText("hi");
    }
    for (int i = 0; i < 3; i++) {
      send(500_000L);
    }
    clock.advance(Duration.ofMillis(250));
    send(500_000L);
    for (int i = 1; i < 28; i++) {
      send(500_000L + i);
    }
    clock.advance(Duration.ofMillis(740));

    send(500_030L);

    Refusals refusals = emulator.refusals(token);
    assertThat(refusals.counts())
        .containsEntry(Refusals.Window.PRIVATE_CHAT, 1L)
        .containsEntry(Refusals.Window.BOT, 1L)
        .doesNotContainKey(Refusals.Window.GROUP);
    assertThat(refusals.mostEarly())
        .containsEntry(Refusals.Window.PRIVATE_CHAT, Duration.ofMillis(750))
        .containsEntry(Refusals.Window.BOT, Duration.ofMillis(10));
    assertThat(refusals.toString())
        .isEqualTo(
            "bot 1 (early by up to 10.000 ms), private chat 1 (early by up to 750.000 ms), group 0");
    assertThat(emulator.tooManyRequestsCount(token)).isEqualTo(2);
  }

  @Test
  void rejectedSendsConsumeNothingAndOtherBotsAreIndependent() {
    emulator.bot(token).user(ALICE).sendsText("hi");
    String other = emulator.createBot("Other", "other_test_bot").token();
    emulator.bot(other).user(ALICE).sendsText("hi");
    for (int i = 0; i < 3; i++) {
      send(ALICE.id());
    }
    for (int i = 0; i < 5; i++) {
      assertThat(send(ALICE.id()).status()).isEqualTo(429);
    }

    clock.advance(Duration.ofSeconds(1));

    assertThat(send(ALICE.id()).status()).isEqualTo(200);
    assertThat(api.form(other, "sendMessage", Map.of("chat_id", ALICE.id(), "text", "y")).status())
        .isEqualTo(200);
    assertThat(emulator.tooManyRequestsCount(other)).isZero();
  }

  @Test
  void scaledLimitsKeepRetryAfterInEmulatedSeconds() {
    emulator.close();
    ManualTicker scaledClock = new ManualTicker();
    emulator =
        TelegramEmulator.start(
            super.config().withRateLimits(RateLimits.real().scaled(0.01)).withTicker(scaledClock));
    api = new BotApiClient(emulator.baseUrl());
    token = emulator.createBot("Fast", "fast_test_bot").token();
    GroupScenario team = emulator.bot(token).group(GroupSpec.of(-4_200_000L, "Fast team"));
    team.addsBotAsMember(ALICE);
    for (int i = 0; i < 20; i++) {
      assertThat(send(team.chatId()).status()).isEqualTo(200);
    }

    assertThat(send(team.chatId()).body().at("/parameters/retry_after").asInt()).isEqualTo(60);
    scaledClock.advance(Duration.ofMillis(600));
    assertThat(send(team.chatId()).status()).isEqualTo(200);
  }
}
