package io.omnichannel.testkit.max;

import java.time.Duration;
import java.util.Objects;

/**
 * How failed webhook deliveries (any status but 200, refused, timed out) are retried: MAX retries
 * up to 10 times, the first after 60 s, each next wait ×2.5; when every retry failed the bot is
 * unsubscribed automatically (the real service: "no success within 8 h").
 *
 * @param firstRetry wait before the first retry
 * @param factor each next wait is the previous one times this
 * @param maxWait no wait grows beyond this
 * @param maxRetries retries after the first attempt; then the subscription is removed
 * @param requestTimeout a POST not answered within this failed (MAX: 30 s)
 */
public record MaxWebhookRetry(
    Duration firstRetry, double factor, Duration maxWait, int maxRetries, Duration requestTimeout) {

  public MaxWebhookRetry {
    Objects.requireNonNull(firstRetry, "firstRetry");
    Objects.requireNonNull(maxWait, "maxWait");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    if (firstRetry.isNegative()
        || maxWait.compareTo(firstRetry) < 0
        || factor < 1
        || maxRetries < 0
        || requestTimeout.isZero()
        || requestTimeout.isNegative()) {
      throw new IllegalArgumentException("invalid webhook retry policy");
    }
  }

  /** The documented schedule: 60 s, 150 s, 375 s … 10 retries, 30 s to answer. */
  public static MaxWebhookRetry realistic() {
    return new MaxWebhookRetry(
        Duration.ofSeconds(60), 2.5, Duration.ofHours(8), 10, Duration.ofSeconds(30));
  }

  /** For tests: the same shape within milliseconds (waits capped at 50 ms). */
  public static MaxWebhookRetry fast() {
    return new MaxWebhookRetry(
        Duration.ofMillis(5), 2.5, Duration.ofMillis(50), 10, Duration.ofSeconds(2));
  }

  public MaxWebhookRetry withMaxRetries(int retries) {
    return new MaxWebhookRetry(firstRetry, factor, maxWait, retries, requestTimeout);
  }

  Duration waitBeforeRetry(int retry) {
    double nanos = firstRetry.toNanos() * Math.pow(factor, retry - 1);
    return Duration.ofNanos((long) Math.min(nanos, maxWait.toNanos()));
  }
}
