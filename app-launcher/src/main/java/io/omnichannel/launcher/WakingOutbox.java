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
import java.util.concurrent.atomic.AtomicReference;
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
  private final Queue<Handed> handedOver = new ConcurrentLinkedQueue<>();

  /** How often at most the empty claims of this instance ask when the next row is due. */
  static final Duration DUE_LOOK = Duration.ofMillis(10);

  private final AtomicReference<Instant> lastDueLook = new AtomicReference<>(Instant.EPOCH);
  private volatile HandOver handOver;

  /** A row claimed as it was stored, and when its lease began. */
  private record Handed(Claimed<OutboxMessage> row, Instant leasedAt) {}

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

  /**
   * A row handed over comes first; the queue is asked when none is (left) to take. A handed row is
   * taken only within a fifth of its lease: the worker's lease renewal counts the lease from when
   * it took the row, so the lease taken as it was stored must not run out first; one kept longer is
   * given back, to be claimed again at once.
   */
  @Override
  public Optional<Claimed<OutboxMessage>> claimNext(Instant now, Duration lease) {
    HandOver to = handOver;
    for (Handed next = handedOver.poll(); next != null; next = handedOver.poll()) {
      if (next.leasedAt().isAfter(now.minus(to.lease().dividedBy(5)))) {
        if (to.persistence().takeHandedOverOutbox(next.row())) {
          return Optional.of(next.row());
        }
      } else {
        to.persistence().giveBackOutbox(next.row());
      }
    }
    Optional<Claimed<OutboxMessage>> claimed = super.claimNext(now, lease);
    if (claimed.isEmpty()) {
      if (firstToLookAt(now)) {
        dueRows.nextDueAfter(now).ifPresent(wakeups::wakeOnceAt);
      } else {
        // the look just made may have been made before what this claim found (a sender's slots
        // learnt, a row postponed): a worker looks again once the next look is allowed
        wakeups.wakeOnceAt(lastDueLook.get().plus(DUE_LOOK));
      }
    }
    return claimed;
  }

  /**
   * Whether this empty claim is the first to ask for the next due row in its {@link #DUE_LOOK}:
   * workers finding nothing together ask once (each would learn the same moment), and a row another
   * instance postpones meanwhile is learnt at most that much later (its own instance wakes for it).
   * One that may not ask has a worker look again at the end of that {@link #DUE_LOOK}: the answer
   * may predate what it found (a full sender's slots learnt, a row postponed) — without it a bot's
   * last rows waited up to the workers' idle look, a second, with its lanes free.
   */
  private boolean firstToLookAt(Instant now) {
    Instant last = lastDueLook.get();
    return !now.isBefore(last.plus(DUE_LOOK)) && lastDueLook.compareAndSet(last, now);
  }

  @Override
  public void postpone(Claimed<OutboxMessage> claimed, Instant next, String reason) {
    super.postpone(claimed, next, reason);
    wakeups.wakeOnceAt(next);
  }

  /** The rows held back become due at {@code notBefore}: a worker is woken then for them. */
  @Override
  public void holdFollowing(Claimed<OutboxMessage> sent, Instant notBefore) {
    outbox.holdFollowing(sent, notBefore);
    wakeups.wakeOnceAt(notBefore);
  }

  @Override
  public void enqueue(OutboxMessage message) {
    HandOver to = handOver;
    if (to != null && to.pool().idleThreads() > handedOver.size()) {
      Instant now = to.clock().instant();
      Claimed<OutboxMessage> row = to.persistence().enqueueClaimedOutbox(message, now, to.lease());
      afterCommit.accept(
          () -> {
            handedOver.add(new Handed(row, now));
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
    for (Handed next = handedOver.poll(); next != null; next = handedOver.poll()) {
      to.persistence().giveBackOutbox(next.row());
    }
  }
}
