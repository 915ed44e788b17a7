package io.omnichannel.launcher.metrics;

import java.time.Duration;

/**
 * The histogram buckets of every latency the gateway measures (relays, HTTP requests): a plain call
 * takes milliseconds, one paced behind others or retried by a client seconds.
 */
public final class LatencyBuckets {
  private LatencyBuckets() {}

  public static Duration[] all() {
    return new Duration[] {
      Duration.ofMillis(5),
      Duration.ofMillis(10),
      Duration.ofMillis(25),
      Duration.ofMillis(50),
      Duration.ofMillis(100),
      Duration.ofMillis(250),
      Duration.ofMillis(500),
      Duration.ofSeconds(1),
      Duration.ofMillis(2500),
      Duration.ofSeconds(5),
      Duration.ofSeconds(10),
      Duration.ofSeconds(30)
    };
  }
}
