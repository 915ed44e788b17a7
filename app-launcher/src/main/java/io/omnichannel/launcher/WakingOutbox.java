package io.omnichannel.launcher;

import io.omnichannel.core.domain.OutboxMessage;
import io.omnichannel.core.port.out.Claimed;
import io.omnichannel.core.port.out.DueRows;
import io.omnichannel.core.port.out.Outbox;
import io.omnichannel.launcher.work.DueWakeups;
import io.omnichannel.launcher.work.ForwardingQueue;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The outbox, waking one send worker for each row enqueued once the row is committed (enqueued
 * inside a transaction, it is visible only then: a worker woken earlier would find nothing and wait
 * its idle interval), and again when a row postponed for a sending slot becomes due. A claim that
 * finds nothing asks when the next postponed row — whichever instance postponed it — becomes due
 * and wakes a worker then: else the instance that postponed a row, woken at that very moment, would
 * take every row, and another instance would be left with what its idle looks find.
 */
public final class WakingOutbox extends ForwardingQueue<OutboxMessage> implements Outbox {
  private final Outbox outbox;
  private final DueRows dueRows;
  private final Runnable wake;
  private final DueWakeups wakeups;
  private final Consumer<Runnable> afterCommit;

  public WakingOutbox(
      Outbox outbox,
      DueRows dueRows,
      Runnable wake,
      DueWakeups wakeups,
      Consumer<Runnable> afterCommit) {
    super(outbox);
    this.outbox = outbox;
    this.dueRows = dueRows;
    this.wake = wake;
    this.wakeups = wakeups;
    this.afterCommit = afterCommit;
  }

  @Override
  public Optional<Claimed<OutboxMessage>> claimNext(Instant now, Duration lease) {
    Optional<Claimed<OutboxMessage>> claimed = super.claimNext(now, lease);
    if (claimed.isEmpty()) {
      dueRows.nextDueAfter(now).ifPresent(wakeups::wakeOnceAt);
    }
    return claimed;
  }

  @Override
  public void postpone(Claimed<OutboxMessage> claimed, Instant next, String reason) {
    super.postpone(claimed, next, reason);
    wakeups.wakeAt(next);
  }

  @Override
  public void enqueue(OutboxMessage message) {
    outbox.enqueue(message);
    afterCommit.accept(wake);
  }
}
