package io.omnichannel.launcher;

import io.omnichannel.core.domain.OutboxMessage;
import io.omnichannel.core.port.out.Claimed;
import io.omnichannel.core.port.out.Outbox;
import io.omnichannel.launcher.work.ForwardingQueue;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * The outbox, waking the send workers when a row is enqueued, and again when a row postponed for a
 * sending slot becomes due. Rows enqueued inside a transaction are visible once it commits; a
 * worker woken early finds nothing and looks again at its idle interval.
 */
public final class WakingOutbox extends ForwardingQueue<OutboxMessage> implements Outbox {
  private final Outbox outbox;
  private final Runnable wake;
  private final Consumer<Instant> wakeAt;

  public WakingOutbox(Outbox outbox, Runnable wake, Consumer<Instant> wakeAt) {
    super(outbox);
    this.outbox = outbox;
    this.wake = wake;
    this.wakeAt = wakeAt;
  }

  @Override
  public void postpone(Claimed<OutboxMessage> claimed, Instant next, String reason) {
    super.postpone(claimed, next, reason);
    wakeAt.accept(next);
  }

  @Override
  public void enqueue(OutboxMessage message) {
    outbox.enqueue(message);
    wake.run();
  }
}
