package io.omnichannel.launcher;

import io.omnichannel.core.domain.OutboxMessage;
import io.omnichannel.core.port.out.Claimed;
import io.omnichannel.core.port.out.DueRows;
import io.omnichannel.core.port.out.Outbox;
import io.omnichannel.launcher.work.DueWakeups;
import io.omnichannel.launcher.work.ForwardingQueue;
import io.omnichannel.launcher.work.WorkerPool;
import io.omnichannel.persistence.Persistence;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * The outbox, waking one send worker for each row enqueued once the row is committed (enqueued
 * inside a transaction, it is visible only then: a worker woken earlier would find nothing and wait
 * its idle interval), and again when a row postponed for a sending slot becomes due. A claim that
 * finds nothing asks when the next postponed row — whichever instance postponed it — becomes due
 * and wakes a worker then: else the instance that postponed a row, woken at that very moment, would
 * take every row, and another instance would be left with what its idle looks find.
 *
 * <p>Handed to a pool ({@link #handTo}), a row enqueued while one of its workers waits idle is
 * stored already claimed and handed to that worker once committed: the worker skips the claim's
 * read and lease, and only checks that no older row of the chat is unfinished (as {@link
 * WakingInbox} does with events).
 */
public final class WakingOutbox extends ForwardingQueue<OutboxMessage> implements Outbox {
  private final Outbox outbox;
  private final DueRows dueRows;
  private final Runnable wake;
  private final DueWakeups wakeups;
  private final Consumer<Runnable> afterCommit;
  private final Queue<Claimed<OutboxMessage>> handedOver = new ConcurrentLinkedQueue<>();
  private volatile HandOver handOver;

  /** Where enqueued rows go claimed, to which pool's idle workers. */
  private record HandOver(WorkerPool pool, Persistence persistence, Clock clock, Duration lease) {}

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

  /** Rows enqueued while a worker of {@code pool} waits idle are claimed for it as stored. */
  void handTo(WorkerPool pool, Persistence persistence, Clock clock, Duration lease) {
    this.handOver = new HandOver(pool, persistence, clock, lease);
  }

  /** A row handed over comes first; the queue is asked when none is (left) to take. */
  @Override
  public Optional<Claimed<OutboxMessage>> claimNext(Instant now, Duration lease) {
    HandOver to = handOver;
    for (Claimed<OutboxMessage> row = handedOver.poll(); row != null; row = handedOver.poll()) {
      if (to.persistence().takeHandedOverOutbox(row)) {
        return Optional.of(row);
      }
    }
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
    HandOver to = handOver;
    if (to != null && to.pool().idleThreads() > handedOver.size()) {
      Claimed<OutboxMessage> row =
          to.persistence().enqueueClaimedOutbox(message, to.clock().instant(), to.lease());
      afterCommit.accept(
          () -> {
            handedOver.add(row);
            to.pool().wake();
          });
      return;
    }
    outbox.enqueue(message);
    afterCommit.accept(wake);
  }

  /**
   * Gives back the rows claimed for this instance's workers that none took, once they stopped: they
   * are claimable at once (by the next run or another instance) instead of after their lease.
   */
  void giveBackUntaken() {
    HandOver to = handOver;
    for (Claimed<OutboxMessage> row = handedOver.poll(); row != null; row = handedOver.poll()) {
      to.persistence().giveBackOutbox(row);
    }
  }
}
