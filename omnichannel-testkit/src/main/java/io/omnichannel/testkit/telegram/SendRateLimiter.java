package io.omnichannel.testkit.telegram;

import com.google.common.base.Ticker;
import io.omnichannel.testkit.support.SlidingWindow;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One bot's send limits: a token bucket per private chat, a sliding window per group and one for
 * the whole bot. A send passes only if all apply; otherwise 429 with the longest wait, in emulated
 * (unscaled) seconds rounded up, and nothing is consumed.
 */
final class SendRateLimiter {
  private final RateLimits limits;
  private final Ticker ticker;
  private final Map<Long, TokenBucket> privateChats = new HashMap<>();
  private final Map<Long, SlidingWindow> groups = new HashMap<>();
  private final SlidingWindow wholeBot;
  private final AtomicLong rejected = new AtomicLong();

  SendRateLimiter(RateLimits limits, Ticker ticker) {
    this.limits = limits;
    this.ticker = ticker;
    this.wholeBot = new SlidingWindow(limits.botMessages(), limits.scaledNanos(limits.botWindow()));
  }

  synchronized void acquire(long chatId, boolean group) {
    if (!limits.enabled()) {
      return;
    }
    long now = ticker.read();
    long wait = wholeBot.waitNanos(now);
    if (group) {
      SlidingWindow window =
          groups.computeIfAbsent(
              chatId,
              id ->
                  new SlidingWindow(
                      limits.groupMessages(), limits.scaledNanos(limits.groupWindow())));
      wait = Math.max(wait, window.waitNanos(now));
      if (wait == 0) {
        window.record(now);
      }
    } else {
      TokenBucket bucket =
          privateChats.computeIfAbsent(
              chatId,
              id ->
                  new TokenBucket(
                      limits.privateChatBurst(),
                      limits.scaledNanos(limits.privateChatRefill()),
                      now));
      wait = Math.max(wait, bucket.waitNanos(now));
      if (wait == 0) {
        bucket.take(now);
      }
    }
    if (wait > 0) {
      rejected.incrementAndGet();
      throw ApiError.tooManyRequests(retryAfterSeconds(wait));
    }
    wholeBot.record(now);
  }

  long rejectedCount() {
    return rejected.get();
  }

  private long retryAfterSeconds(long waitNanos) {
    double emulatedSeconds = waitNanos / limits.timeScale() / 1e9;
    return Math.max(1, (long) Math.ceil(emulatedSeconds - 1e-9));
  }
}
