package io.omnichannel.launcher;

import io.omnichannel.core.domain.InboundRecord;
import io.omnichannel.core.port.out.Claimed;
import io.omnichannel.core.port.out.EventInbox;
import io.omnichannel.core.port.out.InboxNeighbour;
import io.omnichannel.launcher.work.ForwardingQueue;
import io.omnichannel.launcher.work.WorkerPool;
import io.omnichannel.persistence.Persistence;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The inbox, handing what is stored to this instance's workers (others find it by polling). While a
 * worker waits idle, an event is stored already claimed and handed to it: the worker skips the
 * claim query and its transaction, and only checks that no older event of the chat is unfinished.
 * When every worker is busy, the event is stored unclaimed and one worker is woken.
 */
final class WakingInbox extends ForwardingQueue<InboundRecord> implements EventInbox {
  private final EventInbox inbox;
  private final Persistence persistence;
  private final Clock clock;
  private final Duration lease;
  private final Queue<Claimed<InboundRecord>> handedOver = new ConcurrentLinkedQueue<>();
  private volatile WorkerPool workers;

  WakingInbox(Persistence persistence, Clock clock, Duration lease) {
    super(persistence.inbox());
    this.inbox = persistence.inbox();
    this.persistence = persistence;
    this.clock = clock;
    this.lease = lease;
  }

  void handTo(WorkerPool pool) {
    this.workers = pool;
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
    boolean stored = inbox.store(record);
    if (stored && pool != null) {
      persistence.afterCommit(pool::wake);
    }
    return stored;
  }

  @Override
  public List<InboxNeighbour> neighboursSince(Claimed<InboundRecord> claimed, Instant since) {
    return inbox.neighboursSince(claimed, since);
  }

  @Override
  public void completeGathered(Claimed<InboundRecord> claimed, List<Long> gathered) {
    inbox.completeGathered(claimed, gathered);
  }

  /** A row handed over comes first; the queue is asked when none is (left) to take. */
  @Override
  public Optional<Claimed<InboundRecord>> claimNext(Instant now, Duration lease) {
    for (Claimed<InboundRecord> row = handedOver.poll(); row != null; row = handedOver.poll()) {
      if (persistence.takeHandedOver(row)) {
        return Optional.of(row);
      }
    }
    return super.claimNext(now, lease);
  }
}
