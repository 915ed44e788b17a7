package io.omnichannel.launcher.bench;

import java.util.Locale;

/**
 * How a step offers its messages: at a fixed rate (open loop: a message is due at its scheduled
 * time whatever the system does, and its latency counts from then, so a stalled injector or a slow
 * gateway cannot hide a queue), or saturating (as fast as a bounded number of messages in flight
 * allows: the offered load is above what either path carries, and the backlog stays bounded so the
 * step drains in seconds).
 */
record Pace(double rate, int window) {
  static Pace fixed(double rate) {
    return new Pace(rate, Integer.MAX_VALUE);
  }

  static Pace saturating(int window) {
    return new Pace(0, window);
  }

  boolean isFixed() {
    return rate > 0;
  }

  @Override
  public String toString() {
    return isFixed()
        ? String.format(Locale.ROOT, "%.0f msg/s", rate)
        : "saturating (" + window + " in flight)";
  }
}
