package io.omnichannel.core.fakes;

import io.omnichannel.core.domain.OutboxMessage;
import io.omnichannel.core.port.out.Outbox;

public final class InMemoryOutbox extends InMemoryQueue<OutboxMessage> implements Outbox {
  public InMemoryOutbox() {
    super(OutboxMessage::orderingKey);
  }

  @Override
  public void enqueue(OutboxMessage message) {
    add(message);
  }
}
