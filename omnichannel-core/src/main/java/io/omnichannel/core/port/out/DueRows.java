package io.omnichannel.core.port.out;

import java.time.Instant;
import java.util.Optional;

/**
 * When a queue's next row that waits for its time (postponed for a sending slot, or backing off)
 * becomes due: an instance that finds nothing to claim wakes then, whichever instance postponed the
 * row, so that the instances share the rows that come due rather than the one that postponed them
 * taking them all.
 */
public interface DueRows {
  /** The earliest moment after {@code now} a waiting row becomes due; empty when none waits. */
  Optional<Instant> nextDueAfter(Instant now);
}
