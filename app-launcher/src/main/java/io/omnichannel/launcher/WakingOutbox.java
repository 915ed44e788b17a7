package io.omnichannel.launcher;

import io.omnichannel.core.domain.OutboxMessage;
import io.omnichannel.core.port.out.Outbox;
import io.omnichannel.launcher.work.ForwardingQueue;

/**
 * The outbox, waking the send workers when a row is enqueued. Rows enqueued inside a transaction
 * are visible once it commits; a worker woken early finds nothing and looks again at its idle
 * interval.
 */
final class WakingOutbox extends ForwardingQueue<OutboxMessage> implements Outbox {
  private final Outbox outbox;
  private final Runnable wake;

  WakingOutbox(Outbox outbox, Runnable wake) {
    super(outbox);
    this.outbox = outbox;
    this.wake = wake;
  }

  @Override
  public void enqueue(OutboxMessage message) {
    outbox.enqueue(message);
    wake.run();
  }
}
