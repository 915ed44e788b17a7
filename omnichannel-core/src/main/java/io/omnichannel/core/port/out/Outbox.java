package io.omnichannel.core.port.out;

import io.omnichannel.core.domain.OutboxMessage;
import java.time.Instant;

/** Sends to messenger chats, written in the same transaction as what caused them (B1). */
public interface Outbox extends WorkQueue<OutboxMessage> {
  void enqueue(OutboxMessage message);

  /**
   * The rows queued behind {@code sent} in its chat are not due before {@code notBefore}: the
   * chat's sending window is full until then, and a row claimed earlier would only be postponed. A
   * hint whose loss costs only that: it may ride with the row's completion, and a store may ignore
   * it.
   */
  void holdFollowing(Claimed<OutboxMessage> sent, Instant notBefore);
}
