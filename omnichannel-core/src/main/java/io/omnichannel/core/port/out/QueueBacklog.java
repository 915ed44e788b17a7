package io.omnichannel.core.port.out;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** How far a queue is behind, for the operators' gauges: one cheap read of the unfinished rows. */
public interface QueueBacklog {
  /**
   * @param pending rows not yet finished (waiting, claimed or waiting for a retry)
   * @param oldestPendingSince when the oldest of them was stored; empty when none is
   */
  record Backlog(long pending, Optional<Instant> oldestPendingSince) {
    public Backlog {
      Objects.requireNonNull(oldestPendingSince, "oldestPendingSince");
    }

    public static Backlog empty() {
      return new Backlog(0, Optional.empty());
    }
  }

  Backlog backlog();
}
