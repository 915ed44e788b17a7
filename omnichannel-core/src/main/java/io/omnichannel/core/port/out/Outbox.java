package io.omnichannel.core.port.out;

import io.omnichannel.core.domain.OutboxMessage;

/** Sends to messenger chats, written in the same transaction as what caused them (B1). */
public interface Outbox extends WorkQueue<OutboxMessage> {
  void enqueue(OutboxMessage message);
}
