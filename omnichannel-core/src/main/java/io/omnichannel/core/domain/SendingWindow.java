package io.omnichannel.core.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * One of a messenger's sending limits; {@code key} names what it limits (a bot, one chat of a bot)
 * and every instance that names the same key shares the same slots. Every time is counted from when
 * a send ended (its call returned): the messenger counted it at some moment before that.
 *
 * @param slots {@link Refill#SLIDING}: at most this many sends in any {@code span}; {@link
 *     Refill#TOKEN_BUCKET}: the bucket holds this many (a burst)
 * @param span {@link Refill#SLIDING}: the window; {@link Refill#TOKEN_BUCKET}: one slot comes back
 *     every this much time
 */
public record SendingWindow(String key, int slots, Duration span, Refill refill) {

  /** How a window's slots come back. */
  public enum Refill {
    /** A slot comes back a whole span after its send ended (a group's 20 per minute). */
    SLIDING,
    /**
     * A bucket of {@code slots}, one back every {@code span}: a burst, then a steady pace (a
     * private chat's ≈1 per second, short bursts tolerated).
     */
    TOKEN_BUCKET
  }

  public SendingWindow {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(span, "span");
    Objects.requireNonNull(refill, "refill");
    if (key.isBlank() || key.length() > 160) {
      throw new IllegalArgumentException("a window key is 1 to 160 characters");
    }
    if (slots < 1) {
      throw new IllegalArgumentException("a window has at least one slot");
    }
    if (span.isZero() || span.isNegative()) {
      throw new IllegalArgumentException("a window spans a positive time");
    }
  }

  /** At most {@code slots} sends in any {@code span}. */
  public SendingWindow(String key, int slots, Duration span) {
    this(key, slots, span, Refill.SLIDING);
  }

  /** A bucket of {@code burst} slots, one back every {@code refill}. */
  public static SendingWindow tokenBucket(String key, int burst, Duration refill) {
    return new SendingWindow(key, burst, refill, Refill.TOKEN_BUCKET);
  }
}
