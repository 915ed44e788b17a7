package io.omnichannel.testkit.max;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.testkit.support.ManualTicker;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** 30 requests/s per bot, 2 long polls/s, an optional per-chat limit; on a hand-moved clock. */
class RateLimitTest extends MaxEmulatorTest {
  private final ManualTicker clock = new ManualTicker();

  @Override
  MaxEmulatorConfig config() {
    return super.config()
        .withRateLimits(MaxRateLimits.real().withChatLimit(5, Duration.ofSeconds(10)))
        .withTicker(clock);
  }

  @Test
  void thirtyRequestsPerSecondThen429() {
    for (int i = 0; i < 30; i++) {
      assertThat(api.get("/me").status()).isEqualTo(200);
    }

    MaxApiClient.Response limited = api.get("/me");

    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.code()).isEqualTo("too.many.requests");
    assertThat(limited.message()).isNotBlank();
    clock.advance(Duration.ofMillis(999));
    assertThat(api.get("/me").status()).isEqualTo(429);
    clock.advance(Duration.ofMillis(1));
    assertThat(api.get("/me").status()).isEqualTo(200);
    assertThat(emulator.tooManyRequestsCount(token)).isEqualTo(2);
  }

  @Test
  void twoLongPollsPerSecond() {
    assertThat(api.get("/updates?timeout=0").status()).isEqualTo(200);
    assertThat(api.get("/updates?timeout=0").status()).isEqualTo(200);
    assertThat(api.get("/updates?timeout=0").status()).isEqualTo(429);
    assertThat(api.get("/me").status()).as("other calls are not polls").isEqualTo(200);
    clock.advance(Duration.ofSeconds(1));
    assertThat(api.get("/updates?timeout=0").status()).isEqualTo(200);
  }

  @Test
  void perChatLimitWhenConfiguredLeavesOtherChatsAlone() {
    emulator.bot(token).dialog(ALICE).startsBot();
    emulator.bot(token).dialog(BOB).startsBot();
    for (int i = 0; i < 5; i++) {
      assertThat(api.post("/messages?user_id=" + ALICE.userId(), "{\"text\":\"x\"}").status())
          .isEqualTo(200);
      clock.advance(Duration.ofMillis(100));
    }

    MaxApiClient.Response sixth =
        api.post("/messages?user_id=" + ALICE.userId(), "{\"text\":\"x\"}");
    MaxApiClient.Response other = api.post("/messages?user_id=" + BOB.userId(), "{\"text\":\"x\"}");

    assertThat(sixth.status()).isEqualTo(429);
    assertThat(other.status()).isEqualTo(200);
    clock.advance(Duration.ofSeconds(10));
    assertThat(api.post("/messages?user_id=" + ALICE.userId(), "{\"text\":\"x\"}").status())
        .isEqualTo(200);
  }

  @Test
  void limitsSwitchedOffNeverAnswer429() {
    emulator.close();
    emulator = MaxEmulator.start(MaxEmulatorConfig.forTests().withTicker(clock));
    token = emulator.createBot("Support", "support_test_bot").token();
    api = new MaxApiClient(emulator.baseUrl(), token);

    for (int i = 0; i < 60; i++) {
      assertThat(api.get("/updates?timeout=0").status()).isEqualTo(200);
    }
    assertThat(emulator.tooManyRequestsCount(token)).isZero();
  }
}
