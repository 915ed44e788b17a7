package io.omnichannel.launcher.metrics;

import io.omnichannel.core.port.out.QueueBacklog;
import io.omnichannel.core.port.out.QueueBacklog.Backlog;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One queue's backlog as last read: the two gauges read it, a scrape reads it anew once. */
final class QueueGauges {
  private static final Logger LOG = LoggerFactory.getLogger(QueueGauges.class);

  private final QueueBacklog source;
  private final Clock clock;
  private volatile Backlog last = Backlog.empty();

  QueueGauges(QueueBacklog source, Clock clock) {
    this.source = source;
    this.clock = clock;
  }

  void read() {
    try {
      last = source.backlog();
    } catch (RuntimeException failed) {
      LOG.warn("reading a queue's backlog failed: {}", failed.toString());
    }
  }

  double pending() {
    return last.pending();
  }

  double oldestAgeSeconds() {
    return last.oldestPendingSince()
        .map(since -> Math.max(0, Duration.between(since, clock.instant()).toMillis() / 1000.0))
        .orElse(0.0);
  }
}
