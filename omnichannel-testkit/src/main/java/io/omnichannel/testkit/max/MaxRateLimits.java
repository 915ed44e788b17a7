package io.omnichannel.testkit.max;

import java.time.Duration;
import java.util.Objects;

/**
 * Request limits answered with 429 {@code too.many.requests}. A rejected request consumes nothing.
 *
 * @param enabled false switches every limit off
 * @param botRequests at most this many API calls of one bot (every method, uploads included) …
 * @param botWindow … in any sliding window of this length (MAX: 30 requests/s overall)
 * @param pollRequests at most this many {@code GET /updates} of one bot per {@code botWindow} (the
 *     notice of 2026-05-11: 2 requests/s)
 * @param chatMessages at most this many {@code POST /messages} into one chat … (0 = no per-chat
 *     limit; MAX documents none, so it is off by default and a test may switch it on)
 * @param chatWindow … in any sliding window of this length
 * @param timeScale every window is multiplied by this (0.01 = 100× faster)
 */
public record MaxRateLimits(
    boolean enabled,
    int botRequests,
    Duration botWindow,
    int pollRequests,
    int chatMessages,
    Duration chatWindow,
    double timeScale) {

  public MaxRateLimits {
    Objects.requireNonNull(botWindow, "botWindow");
    Objects.requireNonNull(chatWindow, "chatWindow");
    if (botRequests <= 0 || pollRequests <= 0 || chatMessages < 0) {
      throw new IllegalArgumentException("limits must be positive (chatMessages >= 0)");
    }
    if (botWindow.isZero()
        || botWindow.isNegative()
        || chatWindow.isZero()
        || chatWindow.isNegative()) {
      throw new IllegalArgumentException("windows must be > 0");
    }
    if (!(timeScale > 0)) {
      throw new IllegalArgumentException("timeScale must be > 0, was " + timeScale);
    }
  }

  /** MAX's stated limits: 30 requests/s per bot, 2 long polls/s, no per-chat limit. */
  public static MaxRateLimits real() {
    return new MaxRateLimits(true, 30, Duration.ofSeconds(1), 2, 0, Duration.ofSeconds(1), 1.0);
  }

  public static MaxRateLimits off() {
    return new MaxRateLimits(false, 30, Duration.ofSeconds(1), 2, 0, Duration.ofSeconds(1), 1.0);
  }

  /** The same limits plus at most {@code messages} sends into one chat per {@code window}. */
  public MaxRateLimits withChatLimit(int messages, Duration window) {
    return new MaxRateLimits(
        enabled, botRequests, botWindow, pollRequests, messages, window, timeScale);
  }

  public MaxRateLimits scaled(double scale) {
    return new MaxRateLimits(
        enabled, botRequests, botWindow, pollRequests, chatMessages, chatWindow, scale);
  }

  long scaledNanos(Duration nominal) {
    return Math.max(1L, Math.round(nominal.toNanos() * timeScale));
  }
}
