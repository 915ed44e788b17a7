package io.omnichannel.core.usecase;

import io.omnichannel.core.domain.OutboxMessage;
import io.omnichannel.core.domain.failure.AwaitingSlot;
import io.omnichannel.core.port.in.QueueWorker;
import io.omnichannel.core.port.out.ClosedSenders;
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
    this(outbox, ClosedSenders.NONE, delivering, retry, lease, clock);
  }

  /**
   * @param closed told of a sender whose own window is full, so that this instance's claims pass
   *     over its rows until it opens, then take them slot by slot (the row that met it is postponed
   *     as any)
   */
  public SendingOutbox(
      Outbox outbox,
      ClosedSenders closed,
      DeliveringToChannel delivering,
      RetryPolicy retry,
      Duration lease,
      Clock clock) {
    this.draining =
        new QueueDraining<>(
            outbox,
            claimed -> {
              try {
                delivering
                    .deliver(claimed.item())
                    .ifPresent(opens -> outbox.holdFollowing(claimed, opens));
              } catch (AwaitingSlot waiting) {
                if (!waiting.senderOpenings().isEmpty()) {
                  closed.closedUntil(claimed.item().connection(), waiting.senderOpenings());
                }
                throw waiting;
              }
            },
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
