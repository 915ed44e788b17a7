package io.omnichannel.testkit.telegram;

import com.google.common.base.Ticker;
import io.omnichannel.testkit.support.SlidingWindow;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * One bot's send limits: a token bucket per private chat, a sliding window per group and one for
 * the whole bot. A send passes only if all apply; otherwise 429 with the longest wait, in emulated
 * (unscaled) seconds rounded up, and nothing is consumed. Each 429 is counted by the window that
 * refused it, with how early the send came ({@link Refusals}).
 */
final class SendRateLimiter {
  private final RateLimits limits;
  private final Ticker ticker;
  private final Map<Long, TokenBucket> privateChats = new HashMap<>();
  private final Map<Long, SlidingWindow> groups = new HashMap<>();
  private final SlidingWindow wholeBot;
  private final Map<Refusals.Window, Long> refused = new EnumMap<>(Refusals.Window.class);
  private final Map<Refusals.Window, Long> mostEarlyNanos = new EnumMap<>(Refusals.Window.class);

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
    long botWait = wholeBot.waitNanos(now);
    long wait = botWait;
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
      Refusals.Window window =
          wait == botWait
              ? Refusals.Window.BOT
              : group ? Refusals.Window.GROUP : Refusals.Window.PRIVATE_CHAT;
      refused.merge(window, 1L, Long::sum);
      mostEarlyNanos.merge(window, wait, Math::max);
      throw ApiError.tooManyRequests(retryAfterSeconds(wait));
    }
    wholeBot.record(now);
  }

  synchronized long rejectedCount() {
    return refused.values().stream().mapToLong(Long::longValue).sum();
  }

  /** The 429s so far by the window that refused, and how early each window's earliest one came. */
  synchronized Refusals refusals() {
    Map<Refusals.Window, Duration> early = new EnumMap<>(Refusals.Window.class);
    mostEarlyNanos.forEach((window, nanos) -> early.put(window, Duration.ofNanos(nanos)));
    return new Refusals(refused, early);
  }

  private long retryAfterSeconds(long waitNanos) {
    double emulatedSeconds = waitNanos / limits.timeScale() / 1e9;
    return Math.max(1, (long) Math.ceil(emulatedSeconds - 1e-9));
  }
}
