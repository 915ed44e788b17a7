package io.omnichannel.launcher;

import io.omnichannel.core.domain.OutboxMessage;
import io.omnichannel.core.port.out.Claimed;
import io.omnichannel.core.port.out.Outbox;
import io.omnichannel.launcher.work.ForwardingQueue;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * The outbox, waking one send worker for each row enqueued once the row is committed (enqueued
 * inside a transaction, it is visible only then: a worker woken earlier would find nothing and wait
 * its idle interval), and again when a row postponed for a sending slot becomes due.
 */
public final class WakingOutbox extends ForwardingQueue<OutboxMessage> implements Outbox {
  private final Outbox outbox;
  private final Runnable wake;
  private final Consumer<Instant> wakeAt;
  private final Consumer<Runnable> afterCommit;

  public WakingOutbox(
      Outbox outbox, Runnable wake, Consumer<Instant> wakeAt, Consumer<Runnable> afterCommit) {
    super(outbox);
    this.outbox = outbox;
    this.wake = wake;
    this.wakeAt = wakeAt;
    this.afterCommit = afterCommit;
  }

  @Override
  public void postpone(Claimed<OutboxMessage> claimed, Instant next, String reason) {
    super.postpone(claimed, next, reason);
    wakeAt.accept(next);
  }

  @Override
  public void enqueue(OutboxMessage message) {
    outbox.enqueue(message);
    afterCommit.accept(wake);
  }
}
