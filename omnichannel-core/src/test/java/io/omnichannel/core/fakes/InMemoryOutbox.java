package io.omnichannel.core.fakes;

import io.omnichannel.core.domain.OutboxMessage;
import io.omnichannel.core.port.out.Claimed;
import io.omnichannel.core.port.out.Outbox;
import java.time.Instant;

public final class InMemoryOutbox extends InMemoryQueue<OutboxMessage> implements Outbox {
  public InMemoryOutbox() {
    super(OutboxMessage::orderingKey);
  }

  @Override
  public void enqueue(OutboxMessage message) {
    add(message);
  }

  /** The rows of the chat behind {@code sent} are due no earlier than {@code notBefore}. */
  @Override
  public synchronized void holdFollowing(Claimed<OutboxMessage> sent, Instant notBefore) {
    notBefore(sent.id(), notBefore);
  }
}
