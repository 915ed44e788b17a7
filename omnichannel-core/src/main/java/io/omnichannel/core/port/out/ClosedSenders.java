package io.omnichannel.core.port.out;

import io.omnichannel.core.domain.ConnectionId;
import java.time.Instant;
import java.util.List;

/**
 * The senders whose own sending window (a bot's, all its chats') this instance found full: its
 * claims pass over their rows until the window may open, and then take one row per slot as each
 * slot opens, rather than claim and postpone them one by one. Each instance keeps its own, for that
 * short while only: another instance still claims them (and learns of the full window from its own
 * claim), so none is starved.
 */
public interface ClosedSenders {
  /**
   * None of this connection's rows can be sent before the first of {@code openings}, and one row
   * per slot opened after it (earliest first; what was known of the sender before is forgotten).
   */
  void closedUntil(ConnectionId connection, List<Instant> openings);

  /** Nothing passed over (a queue that does not keep them). */
  ClosedSenders NONE = (connection, openings) -> {};
}
