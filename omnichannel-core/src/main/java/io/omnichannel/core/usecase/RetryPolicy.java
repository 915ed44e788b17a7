package io.omnichannel.core.usecase;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with full jitter, up to a number of attempts; after that a row is parked as
 * dead. A rate limit's retry-after is not a backoff: it is honoured exactly, elsewhere.
 */
public record RetryPolicy(
    Duration firstDelay, Duration maxDelay, int maxAttempts, DoubleSupplier jitter) {
  public RetryPolicy {
    checkArgument(!firstDelay.isNegative() && !firstDelay.isZero(), "first delay must be positive");
    checkArgument(maxDelay.compareTo(firstDelay) >= 0, "max delay must not be below the first");
    checkArgument(maxAttempts >= 1, "at least one attempt");
  }

  /**
   * 2 s doubling to 10 min, 12 attempts (about an hour and a half of outage before a row is
   * parked).
   */
  public static RetryPolicy standard() {
    return new RetryPolicy(Duration.ofSeconds(2), Duration.ofMinutes(10), 12, Math::random);
  }

  public boolean exhausted(int attempt) {
    return attempt >= maxAttempts;
  }

  /**
   * The wait after failed attempt number {@code attempt} (from 1): a random share of the capped
   * exponential.
   */
  public Duration delayAfter(int attempt) {
    long cap = maxDelay.toMillis();
    long exponential = firstDelay.toMillis() << Math.min(attempt - 1, 30);
    long ceiling = exponential <= 0 ? cap : Math.min(cap, exponential);
    // a jitter source outside [0, 1] must not stretch a wait past its ceiling or below half of it
    double share = 0.5 + Math.max(0, Math.min(1, jitter.getAsDouble())) / 2;
    return Duration.ofMillis(Math.max(1, Math.round(ceiling * share)));
  }
}
