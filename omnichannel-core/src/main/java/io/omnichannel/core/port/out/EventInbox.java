package io.omnichannel.core.port.out;

import io.omnichannel.core.domain.InboundRecord;
import java.time.Instant;
import java.util.List;

/** Inbound events as they arrived, unique per source event (B1). */
public interface EventInbox extends WorkQueue<InboundRecord> {
  /** Stores the event; false when the same source event was stored before (a redelivery). */
  boolean store(InboundRecord record);

  /**
   * The other rows of the claimed row's ordering key stored from {@code since} on, finished or not,
   * oldest first (at most a few dozen): what an album's first item gathers.
   */
  List<InboxNeighbour> neighboursSince(Claimed<InboundRecord> claimed, Instant since);

  /**
   * Completes rows waiting behind the claimed one that its handling took care of (the rest of an
   * album). Meant for the transaction that completes the claimed row, whose claim fences both.
   */
  void completeGathered(Claimed<InboundRecord> claimed, List<Long> gathered);

  /**
   * Completes the row, possibly a moment later, with a write the store makes anyway: for rows whose
   * handling lands once however often it runs (a delivery into a line under the event's id), since
   * a completion lost in a crash means the row is handled again. The rows of its ordering key
   * behind it still wait for it. By default, at once.
   */
  default void completeSoon(Claimed<InboundRecord> claimed) {
    complete(claimed);
  }
}
