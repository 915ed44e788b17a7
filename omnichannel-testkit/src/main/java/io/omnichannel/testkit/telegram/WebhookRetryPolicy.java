package io.omnichannel.testkit.telegram;

import java.time.Duration;
import java.util.Objects;

/**
 * How the emulator retries a webhook delivery that failed (non-2xx, refused, timed out).
 *
 * @param initialBackoff wait before the first retry; doubled after every further failure
 * @param maxBackoff the wait never grows beyond this
 * @param requestTimeout a POST not answered within this counts as failed
 */
public record WebhookRetryPolicy(
    Duration initialBackoff, Duration maxBackoff, Duration requestTimeout) {

  public WebhookRetryPolicy {
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException("need 0 <= initialBackoff <= maxBackoff");
    }
    if (requestTimeout.isZero() || requestTimeout.isNegative()) {
      throw new IllegalArgumentException("requestTimeout must be > 0");
    }
  }

  /** Close to the real service: first retry after a few seconds, then up to a minute apart. */
  public static WebhookRetryPolicy realistic() {
    return new WebhookRetryPolicy(
        Duration.ofSeconds(2), Duration.ofSeconds(60), Duration.ofSeconds(60));
  }

  /** For tests: retries within milliseconds. */
  public static WebhookRetryPolicy fast() {
    return new WebhookRetryPolicy(
        Duration.ofMillis(5), Duration.ofMillis(100), Duration.ofSeconds(2));
  }

  Duration backoffAfter(int failedAttempts) {
    long nanos = initialBackoff.toNanos();
    for (int i = 1; i < failedAttempts && nanos < maxBackoff.toNanos(); i++) {
      nanos *= 2;
    }
    return Duration.ofNanos(Math.min(nanos, maxBackoff.toNanos()));
  }
}
