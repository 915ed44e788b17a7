package io.omnichannel.testkit.telegram;

import java.time.Duration;
import java.util.Objects;

/**
 * Sending limits the emulator enforces with 429 answers. All three are checked for every counted
 * send (see {@code package-info}); a rejected send consumes nothing.
 *
 * @param enabled false switches all limits off
 * @param privateChatBurst token-bucket capacity of one private chat (short bursts tolerated)
 * @param privateChatRefill one token comes back every this much time (the real ≈1 msg/s)
 * @param groupMessages at most this many messages to one group or supergroup …
 * @param groupWindow … in any sliding window of this length (the real 20 per minute)
 * @param botMessages at most this many messages of one bot to all chats …
 * @param botWindow … in any sliding window of this length (the real 30 per second)
 * @param timeScale every duration above is multiplied by this (0.01 = 100× faster); {@code
 *     retry_after} stays in unscaled (emulated) seconds
 */
public record RateLimits(
    boolean enabled,
    int privateChatBurst,
    Duration privateChatRefill,
    int groupMessages,
    Duration groupWindow,
    int botMessages,
    Duration botWindow,
    double timeScale) {

  public RateLimits {
    Objects.requireNonNull(privateChatRefill, "privateChatRefill");
    Objects.requireNonNull(groupWindow, "groupWindow");
    Objects.requireNonNull(botWindow, "botWindow");
    requirePositive("privateChatBurst", privateChatBurst);
    requirePositive("groupMessages", groupMessages);
    requirePositive("botMessages", botMessages);
    requirePositive("privateChatRefill", privateChatRefill);
    requirePositive("groupWindow", groupWindow);
    requirePositive("botWindow", botWindow);
    if (!(timeScale > 0)) {
      throw new IllegalArgumentException("timeScale must be > 0, was " + timeScale);
    }
  }

  /**
   * The real service's published limits: burst 3 then 1/s per private chat, 20/min per group, 30/s
   * per bot.
   */
  public static RateLimits real() {
    return new RateLimits(
        true, 3, Duration.ofSeconds(1), 20, Duration.ofMinutes(1), 30, Duration.ofSeconds(1), 1.0);
  }

  public static RateLimits off() {
    return new RateLimits(
        false, 3, Duration.ofSeconds(1), 20, Duration.ofMinutes(1), 30, Duration.ofSeconds(1), 1.0);
  }

  /**
   * Same limits, every window multiplied by {@code scale} so tests keep the ratios in short time.
   */
  public RateLimits scaled(double scale) {
    return new RateLimits(
        enabled,
        privateChatBurst,
        privateChatRefill,
        groupMessages,
        groupWindow,
        botMessages,
        botWindow,
        scale);
  }

  long scaledNanos(Duration nominal) {
    return Math.max(1L, Math.round(nominal.toNanos() * timeScale));
  }

  private static void requirePositive(String name, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be > 0, was " + value);
    }
  }

  private static void requirePositive(String name, Duration value) {
    if (value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(name + " must be > 0, was " + value);
    }
  }
}
