package io.omnichannel.core.port.out;

import io.omnichannel.core.domain.ConnectionId;
import java.time.Instant;

/**
 * The senders whose own sending window (a bot's, all its chats') this instance found full: its
 * claims pass over their rows until the window may open, rather than claim and postpone them one by
 * one. Each instance keeps its own, for that short while only: another instance still claims them
 * (and learns of the full window from its own claim), so none is starved.
 */
public interface ClosedSenders {
  /** None of this connection's rows can be sent before {@code until}. */
  void closedUntil(ConnectionId connection, Instant until);

  /** Nothing passed over (a queue that does not keep them). */
  ClosedSenders NONE = (connection, until) -> {};
}
