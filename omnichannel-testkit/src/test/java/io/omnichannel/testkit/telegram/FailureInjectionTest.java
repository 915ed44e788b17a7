package io.omnichannel.testkit.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FailureInjectionTest extends EmulatorTest {

  @Test
  void failNextAffectsExactlyOneCallOfThatMethod() {
    emulator.failNext(token, "getMe", 502, "Bad Gateway");

    ApiResponse failed = api.get(token, "getMe", Map.of());

    assertThat(failed.status()).isEqualTo(502);
    assertThat(failed.description()).isEqualTo("Bad Gateway");
    assertThat(api.get(token, "getWebhookInfo", Map.of()).status()).isEqualTo(200);
    assertThat(api.get(token, "getMe", Map.of()).status()).isEqualTo(200);
  }

  @Test
  void failNextForAnyMethod() {
    emulator.failNext(token, "*", 500, "Internal Server Error");

    assertThat(api.get(token, "getWebhookInfo", Map.of()).status()).isEqualTo(500);
    assertThat(api.get(token, "getWebhookInfo", Map.of()).status()).isEqualTo(200);
  }

  @Test
  void anOutageFailsEveryCallUntilCleared() {
    emulator.failAll(503, "Service Unavailable", Duration.ofMinutes(5));

    assertThat(api.get(token, "getMe", Map.of()).status()).isEqualTo(503);
    assertThat(api.get("1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "getMe", Map.of()).status())
        .isEqualTo(503);

    emulator.clearFailures();
    assertThat(api.get(token, "getMe", Map.of()).status()).isEqualTo(200);
  }

  @Test
  void delayedAnswersArriveAfterTheDelay() throws Exception {
    emulator.delayAnswers(Duration.ofMillis(300));

    long started = System.nanoTime();
    CompletableFuture<ApiResponse> answer = api.formAsync(token, "getMe", Map.of());

    assertThat(answer.get(5, TimeUnit.SECONDS).status()).isEqualTo(200);
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started))
        .isGreaterThanOrEqualTo(300);
  }
}
