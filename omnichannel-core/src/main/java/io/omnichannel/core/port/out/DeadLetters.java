package io.omnichannel.core.port.out;

import io.omnichannel.core.domain.DeadLetter;
import java.time.Instant;
import java.util.List;

/** The queues' dead rows, for an operator to look at and act on. */
public interface DeadLetters {
  /** The inbox's dead rows newest first, then the outbox's, at most {@code limit}. */
  List<DeadLetter> newest(int limit);

  /**
   * Puts a dead row back in its queue, due at {@code now} with its attempts counted from zero;
   * false when there is no such dead row (already requeued or discarded).
   */
  boolean requeue(DeadLetter.Id id, Instant now);

  /**
   * Settles a dead row as done without doing it (it is kept, like a completed row, until purged);
   * false when there is no such dead row.
   */
  boolean discard(DeadLetter.Id id, Instant now);
}
