package io.omnichannel.core.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * One of a messenger's sending limits: at most {@code slots} sends in any {@code span}, counted
 * from when each send ended. {@code key} names what it limits (a bot, one chat of a bot); every
 * instance that names the same key shares the same slots.
 */
public record SendingWindow(String key, int slots, Duration span) {
  public SendingWindow {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(span, "span");
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
}
