package io.omnichannel.testkit.support;

import java.util.ArrayDeque;

/**
 * At most {@code max} events in any window of {@code windowNanos}. Not thread-safe: the caller
 * locks.
 */
public final class SlidingWindow {
  private final int max;
  private final long windowNanos;
  private final ArrayDeque<Long> events = new ArrayDeque<>();

  public SlidingWindow(int max, long windowNanos) {
    this.max = max;
    this.windowNanos = windowNanos;
  }

  /** Nanos until one more event fits; 0 when it fits now. */
  public long waitNanos(long nowNanos) {
    while (!events.isEmpty() && events.peekFirst() + windowNanos <= nowNanos) {
      events.removeFirst();
    }
    return events.size() < max ? 0 : events.peekFirst() + windowNanos - nowNanos;
  }

  public void record(long nowNanos) {
    events.addLast(nowNanos);
  }
}
