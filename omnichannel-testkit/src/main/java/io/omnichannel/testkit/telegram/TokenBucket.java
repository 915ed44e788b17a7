package io.omnichannel.testkit.telegram;

/**
 * Capacity {@code burst}, one token back every {@code refillNanos}. Not thread-safe: the caller
 * locks.
 */
final class TokenBucket {
  private final int burst;
  private final long refillNanos;
  private double tokens;
  private long lastNanos;

  TokenBucket(int burst, long refillNanos, long nowNanos) {
    this.burst = burst;
    this.refillNanos = refillNanos;
    this.tokens = burst;
    this.lastNanos = nowNanos;
  }

  /** Nanos to wait until a token is available; 0 when one is available now. */
  long waitNanos(long nowNanos) {
    refill(nowNanos);
    return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) * refillNanos);
  }

  void take(long nowNanos) {
    refill(nowNanos);
    tokens -= 1;
  }

  private void refill(long nowNanos) {
    if (nowNanos > lastNanos) {
      tokens = Math.min(burst, tokens + (double) (nowNanos - lastNanos) / refillNanos);
      lastNanos = nowNanos;
    }
  }
}
