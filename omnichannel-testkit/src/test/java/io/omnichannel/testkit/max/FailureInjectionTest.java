package io.omnichannel.testkit.max;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Injected failures: next call, outages, delays. */
class FailureInjectionTest extends MaxEmulatorTest {

  @Test
  void outageAnswersEveryCallUntilCleared() {
    emulator.failAll(503, "service.unavailable", "down", Duration.ofMinutes(1));

    MaxApiClient.Response me = api.get("/me");
    MaxApiClient.Response badToken = api.withToken("nope").get("/me");
    emulator.clearFailures();

    assertThat(me.status()).isEqualTo(503);
    assertThat(me.code()).isEqualTo("service.unavailable");
    assertThat(badToken.status()).as("failures come before the token check").isEqualTo(503);
    assertThat(api.get("/me").status()).isEqualTo(200);
  }

  @Test
  void nextFailureMatchesTheNamedCallOnly() {
    emulator.failNext(token, "/updates", 429, "too.many.requests", "slow down");

    assertThat(api.get("/me").status()).isEqualTo(200);
    MaxApiClient.Response limited = api.get("/updates?timeout=0");
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.message()).isEqualTo("slow down");
    assertThat(api.get("/updates?timeout=0").status()).isEqualTo(200);
  }

  @Test
  void delayedAnswersArriveLate() {
    emulator.delayAnswers(Duration.ofMillis(300));

    long start = System.nanoTime();
    MaxApiClient.Response me = api.get("/me");
    long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

    assertThat(me.status()).isEqualTo(200);
    assertThat(elapsedMillis).isGreaterThanOrEqualTo(300);
  }
}
