package io.omnichannel.launcher;

import io.omnichannel.core.domain.InboundRecord;
import io.omnichannel.core.port.out.Claimed;
import io.omnichannel.launcher.work.ForwardingEventInbox;
import io.omnichannel.launcher.work.WorkerPool;
import io.omnichannel.persistence.Persistence;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The inbox, handing what is stored to this instance's workers (others find it by polling). While a
 * worker waits idle, an event is stored already claimed and handed to it: the worker skips the
 * claim query and its transaction, and only checks that no older event of the chat is unfinished.
 * When every worker is busy, the event is stored unclaimed and one worker is woken.
 *
 * <p>A worker that finds nothing handed over claims, in one read and one UPDATE, up to a row for
 * each worker of the pool (each the first of its chat) and keeps the others for the next workers to
 * ask, who take them without a statement. A kept row is taken only within a fifth of its lease: the
 * worker's lease renewal counts from when it took the row, so the lease taken at the claim must not
 * run out first; one kept longer (workers stuck on slow calls) is given back, to be claimed again
 * at once.
 */
final class WakingInbox extends ForwardingEventInbox {
  private final Persistence persistence;
  private final Clock clock;
  private final Duration lease;
  private final Queue<Claimed<InboundRecord>> handedOver = new ConcurrentLinkedQueue<>();

  /** Rows claimed together with another worker's, each with the time its claim was taken. */
  private final Queue<Prefetched> prefetched = new ConcurrentLinkedQueue<>();

  /** One claim at a time: this instance's workers never race each other for the same rows. */
  private final ReentrantLock claiming = new ReentrantLock();

  private final int claimMax;
  private volatile WorkerPool workers;

  private record Prefetched(Claimed<InboundRecord> row, Instant claimedAt) {}

  /**
   * @param claimMax the most rows one claim takes (the pool's thread count)
   */
  WakingInbox(Persistence persistence, Clock clock, Duration lease, int claimMax) {
    super(persistence.inbox());
    this.claimMax = Math.max(1, claimMax);
    this.persistence = persistence;
    this.clock = clock;
    this.lease = lease;
  }

  void handTo(WorkerPool pool) {
    this.workers = pool;
    persistence.whenInboxRowsFreed(pool::wake);
  }

  @Override
  public boolean store(InboundRecord record) {
    WorkerPool pool = workers;
    if (pool != null && pool.idleThreads() > handedOver.size()) {
      Optional<Claimed<InboundRecord>> claimed =
          persistence.storeClaimed(record, clock.instant(), lease);
      claimed.ifPresent(
          row ->
              persistence.afterCommit(
                  () -> {
                    handedOver.add(row);
                    pool.wake();
                  }));
      return claimed.isPresent();
    }
    boolean stored = super.store(record);
    if (stored && pool != null) {
      persistence.afterCommit(pool::wake);
    }
    return stored;
  }

  /**
   * A row handed over comes first, then one claimed with another's; the queue is asked when none is
   * (left) to take.
   */
  @Override
  public Optional<Claimed<InboundRecord>> claimNext(Instant now, Duration lease) {
    for (Claimed<InboundRecord> row = handedOver.poll(); row != null; row = handedOver.poll()) {
      if (persistence.takeHandedOver(row)) {
        return Optional.of(row);
      }
    }
    Optional<Claimed<InboundRecord>> kept = takePrefetched(now, lease);
    if (kept.isPresent()) {
      return kept;
    }
    claiming.lock();
    try {
      kept = takePrefetched(now, lease); // another worker's claim may have left some meanwhile
      if (kept.isPresent()) {
        return kept;
      }
      WorkerPool pool = workers;
      // a row for each worker of the pool: idle ones are woken, busy ones take theirs as they
      // come back for more (one claim's statements for several rows under load)
      int wanted = pool == null ? 1 : claimMax;
      List<Claimed<InboundRecord>> claimed = persistence.claimInbox(now, lease, wanted);
      if (claimed.isEmpty()) {
        return Optional.empty();
      }
      for (Claimed<InboundRecord> other : claimed.subList(1, claimed.size())) {
        prefetched.add(new Prefetched(other, now));
        if (pool != null && pool.idleThreads() > 0) {
          pool.wake(); // a busy worker takes it as it comes back for more
        }
      }
      return Optional.of(claimed.get(0));
    } finally {
      claiming.unlock();
    }
  }

  /**
   * Gives back the rows claimed for this instance's workers that none took, once they stopped: they
   * are claimable at once (by the next run or another instance) instead of after their lease.
   */
  void giveBackUntaken() {
    for (Claimed<InboundRecord> row = handedOver.poll(); row != null; row = handedOver.poll()) {
      persistence.giveBackInbox(row);
    }
    for (Prefetched next = prefetched.poll(); next != null; next = prefetched.poll()) {
      persistence.giveBackInbox(next.row());
    }
  }

  /**
   * A kept row is taken only while most of its lease is left: the worker's lease renewal counts the
   * lease from when it took the row, and renews it within a third of it, before the lease taken at
   * the claim runs out. One kept longer (workers stuck on slow calls) is given back.
   */
  private Optional<Claimed<InboundRecord>> takePrefetched(Instant now, Duration lease) {
    Instant freshSince = now.minus(lease.dividedBy(5));
    for (Prefetched next = prefetched.poll(); next != null; next = prefetched.poll()) {
      if (next.claimedAt().isAfter(freshSince)) {
        return Optional.of(next.row());
      }
      persistence.giveBackInbox(next.row());
    }
    return Optional.empty();
  }
}
