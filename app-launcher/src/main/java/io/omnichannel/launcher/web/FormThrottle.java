package io.omnichannel.launcher.web;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Form submits per source address: a token bucket each ({@code burst} at once, then one per {@code
 * refill}). The buckets live in a bounded map that forgets the least recently seen address first,
 * so many addresses cost bounded memory; a forgotten address starts with a full bucket, which is
 * what it would have after a pause anyway.
 */
final class FormThrottle {
  private final int burst;
  private final long refillNanos;
  private final LongSupplier nanoTime;
  private final Map<String, Bucket> buckets;

  /** The credit is counted in nanoseconds of refill time: a submit costs one refill period. */
  private static final class Bucket {
    long credit;
    long at;

    Bucket(long credit, long at) {
      this.credit = credit;
      this.at = at;
    }
  }

  FormThrottle(int burst, Duration refill, int maxAddresses, LongSupplier nanoTime) {
    checkArgument(burst >= 1, "burst must be at least 1");
    checkArgument(!refill.isNegative() && !refill.isZero(), "refill must be positive");
    checkArgument(maxAddresses >= 1, "maxAddresses must be at least 1");
    this.burst = burst;
    this.refillNanos = refill.toNanos();
    this.nanoTime = nanoTime;
    this.buckets =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > maxAddresses;
          }
        };
  }

  /**
   * A person retries a mistyped password a few times, and one office behind one address may confirm
   * several bots in a row; a script sending hundreds is slowed to one try every three seconds (a
   * link burns after five failed ones anyway).
   */
  static FormThrottle standard() {
    return new FormThrottle(20, Duration.ofSeconds(3), 10_000, System::nanoTime);
  }

  /** Takes one submit for the address: empty when it may go on, else how long until it may. */
  synchronized Optional<Duration> take(String address) {
    long now = nanoTime.getAsLong();
    long full = burst * refillNanos;
    Bucket bucket = buckets.computeIfAbsent(address, ignored -> new Bucket(full, now));
    bucket.credit = Math.min(full, bucket.credit + Math.max(0, now - bucket.at));
    bucket.at = now;
    if (bucket.credit >= refillNanos) {
      bucket.credit -= refillNanos;
      return Optional.empty();
    }
    return Optional.of(Duration.ofNanos(refillNanos - bucket.credit));
  }

  /** A wait as the whole seconds of a {@code Retry-After} header, at least one. */
  static String retryAfter(Duration wait) {
    return Long.toString(Math.max(1, (wait.toMillis() + 999) / 1000));
  }

  synchronized int addresses() {
    return buckets.size();
  }
}
