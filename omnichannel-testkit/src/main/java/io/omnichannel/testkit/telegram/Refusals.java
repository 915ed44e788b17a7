package io.omnichannel.testkit.telegram;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * The 429s one bot was answered so far, by the window that refused: how many, and how early the
 * earliest-refused send came (how long it would have had to wait to pass) — a send a few
 * microseconds early points at a clock or a rounding, one a whole span early at a slot never taken.
 */
public record Refusals(Map<Window, Long> counts, Map<Window, Duration> mostEarly) {

  /** The limit that refused a send (the one that would have held it longest, when several). */
  public enum Window {
    BOT,
    PRIVATE_CHAT,
    GROUP
  }

  public Refusals {
    counts = Map.copyOf(counts);
    mostEarly = Map.copyOf(mostEarly);
  }

  static Refusals none() {
    return new Refusals(new EnumMap<>(Window.class), new EnumMap<>(Window.class));
  }

  public long total() {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }

  /** E.g. {@code bot 1 (early by up to 0.412 ms), private chat 0, group 0}. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    for (Window window : Window.values()) {
      long count = counts.getOrDefault(window, 0L);
      if (!text.isEmpty()) {
        text.append(", ");
      }
      text.append(window.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '))
          .append(' ')
          .append(count);
      if (count > 0) {
        text.append(
            String.format(
                java.util.Locale.ROOT,
                " (early by up to %.3f ms)",
                mostEarly.get(window).toNanos() / 1e6));
      }
    }
    return text.toString();
  }
}
