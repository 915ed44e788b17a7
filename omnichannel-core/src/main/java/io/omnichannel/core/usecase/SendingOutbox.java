package io.omnichannel.core.usecase;

import io.omnichannel.core.domain.OutboxMessage;
import io.omnichannel.core.port.in.QueueWorker;
import io.omnichannel.core.port.out.Outbox;
import java.time.Clock;
import java.time.Duration;

/**
 * The outbox worker: one send per row, in per-chat order, rescheduled on rate limits and outages. A
 * send is completed after it left; a completion the database could not take is written once it
 * answers again, so the send is not repeated.
 */
public final class SendingOutbox implements QueueWorker {
  private final QueueDraining<OutboxMessage> draining;

  public SendingOutbox(
      Outbox outbox,
      DeliveringToChannel delivering,
      RetryPolicy retry,
      Duration lease,
      Clock clock) {
    this.draining =
        new QueueDraining<>(
            outbox,
            claimed -> delivering.deliver(claimed.item()),
            QueueDraining.Completion.AFTER_HANDLER,
            retry,
            lease,
            clock);
  }

  @Override
  public boolean processNext() {
    return draining.processNext();
  }

  @Override
  public void renewLeases() {
    draining.renewLeases();
  }
}
