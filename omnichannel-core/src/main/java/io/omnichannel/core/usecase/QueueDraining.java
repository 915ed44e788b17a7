package io.omnichannel.core.usecase;

import io.omnichannel.core.domain.failure.AwaitingSlot;
import io.omnichannel.core.domain.failure.ClaimLost;
import io.omnichannel.core.domain.failure.GatewayFailure;
import io.omnichannel.core.domain.failure.RateLimited;
import io.omnichannel.core.domain.failure.StorageUnavailable;
import io.omnichannel.core.port.in.QueueWorker;
import io.omnichannel.core.port.out.Claimed;
import io.omnichannel.core.port.out.WorkQueue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The retry rules every queue shares: a rate limit waits exactly its retry-after, a passing failure
 * backs off with jitter until the attempts run out, anything else parks the row as dead with its
 * reason.
 *
 * <p>It keeps the rows in hand held, so that a crash or an outage stalls a chat for seconds, not
 * for a lease: a row in hand for more than a third of its lease has it renewed ({@link
 * #renewLeases}); a row whose outcome could not be written because the database went away stays in
 * hand, and the outcome is written first thing once the database answers again; a row lost to
 * another worker (its lease ran out) is let go, whatever this worker did with it counting for
 * nothing.
 */
final class QueueDraining<T> implements QueueWorker {
  /** Handles one claimed row. */
  interface Handler<T> {
    void handle(Claimed<T> claimed);
  }

  /** Who completes a row that was handled without failure. */
  enum Completion {
    /** The handler, in the transaction that writes what the row caused. */
    BY_HANDLER,
    /**
     * The draining, after the handler: a completion the database could not take then is written
     * later, never taken for a failed attempt (the work, a send, is done and must not repeat).
     */
    AFTER_HANDLER
  }

  /**
   * A row in hand under one claim, leased until when; {@code adopted} when that claim took the row
   * from a worker of this instance whose lease ran out while it still had the row in hand: that
   * worker writes its outcome under this claim, and the adopting worker does nothing with it.
   */
  private record Held<T>(Claimed<T> claimed, Instant leasedUntil, boolean adopted) {
    Held<T> renewedUntil(Instant until) {
      return new Held<>(claimed, until, adopted);
    }
  }

  /** What to write to the queue for a row once its handler is through, under a given claim. */
  private interface Outcome<T> {
    void write(WorkQueue<T> queue, Claimed<T> claim);
  }

  private record Unsettled<T>(long id, Outcome<T> outcome) {}

  private final WorkQueue<T> queue;
  private final Handler<T> handler;
  private final Completion completion;
  private final RetryPolicy retry;
  private final Duration lease;
  private final Clock clock;
  private final Map<Long, Held<T>> held = new ConcurrentHashMap<>();
  private final Queue<Unsettled<T>> unsettled = new ConcurrentLinkedQueue<>();

  QueueDraining(
      WorkQueue<T> queue,
      Handler<T> handler,
      Completion completion,
      RetryPolicy retry,
      Duration lease,
      Clock clock) {
    this.queue = queue;
    this.handler = handler;
    this.completion = completion;
    this.retry = retry;
    this.lease = lease;
    this.clock = clock;
  }

  @Override
  public boolean processNext() {
    settleLeftovers();
    Instant now = clock.instant();
    Optional<Claimed<T>> next = queue.claimNext(now, lease);
    if (next.isEmpty()) {
      return false;
    }
    Claimed<T> claimed = next.get();
    Held<T> taken =
        held.merge(
            claimed.id(),
            new Held<>(claimed, now.plus(lease), false),
            (inHand, fresh) ->
                // still leased by the worker that has it in hand: that worker's outcome was written
                // (the row was free to claim) and it has only not let go yet — the row is this
                // claim's to work on. Its lease ran out: the row is still in hand there (handled,
                // or its outcome waiting for the database), and that worker writes the outcome
                // under this newer claim, so nothing runs twice.
                inHand.leasedUntil().isAfter(now)
                    ? fresh
                    : new Held<>(claimed, fresh.leasedUntil(), true));
    if (!taken.adopted()) {
      settle(claimed.id(), outcomeOf(claimed));
    }
    return true;
  }

  /** Renews the lease of every row in hand for more than a third of it. */
  @Override
  public void renewLeases() {
    Instant now = clock.instant();
    Instant dueForRenewal = now.plus(lease.multipliedBy(2).dividedBy(3));
    for (Held<T> row : held.values()) {
      if (row.leasedUntil().isAfter(dueForRenewal)) {
        continue;
      }
      Instant until = now.plus(lease);
      boolean kept;
      try {
        kept = queue.renew(row.claimed(), until);
      } catch (StorageUnavailable away) {
        return; // the next beat tries again; meanwhile the leases run on
      }
      if (kept) {
        held.replace(row.claimed().id(), row, row.renewedUntil(until));
      } else {
        held.remove(row.claimed().id(), row);
      }
    }
  }

  /** What to write to the queue once the handler is through with the row. */
  private Outcome<T> outcomeOf(Claimed<T> claimed) {
    try {
      handler.handle(claimed);
      return completion == Completion.AFTER_HANDLER ? WorkQueue::complete : (q, c) -> {};
    } catch (ClaimLost lost) {
      // nothing the handler wrote stands; should a newer claim of this instance hold the row now,
      // it is given back to be done again at once
      Instant now = clock.instant();
      return (q, c) -> {
        if (c.token() != claimed.token()) {
          q.retryAt(c, now, "ClaimLost: the lease ran out while it was handled");
        }
      };
    } catch (NotYetDue later) {
      Instant due = later.due();
      String reason = later.getMessage();
      return (q, c) -> q.postpone(c, due, reason);
    } catch (AwaitingSlot waiting) {
      // the slot is scheduled, not awaited: the row stays its chat's head until then
      Instant due = waiting.opensAt();
      String reason = describe(waiting);
      return (q, c) -> q.postpone(c, due, reason);
    } catch (RateLimited limited) {
      Instant due = clock.instant().plus(limited.retryAfter());
      String reason = describe(limited);
      return (q, c) -> q.postpone(c, due, reason);
    } catch (GatewayFailure failure) {
      if (failure.retryable() && !retry.exhausted(claimed.attempt())) {
        Instant due = clock.instant().plus(retry.delayAfter(claimed.attempt()));
        String reason = describe(failure);
        return (q, c) -> q.retryAt(c, due, reason);
      }
      String reason = describe(failure) + " after " + claimed.attempt() + " attempt(s)";
      return (q, c) -> q.bury(c, reason);
    } catch (RuntimeException bug) {
      String reason = describe(bug);
      return (q, c) -> q.bury(c, reason);
    }
  }

  /**
   * Writes the outcome; when the database is away, the row stays in hand until it can be written.
   */
  private void settle(long id, Outcome<T> outcome) {
    try {
      write(id, outcome);
    } catch (StorageUnavailable away) {
      unsettled.add(new Unsettled<>(id, outcome));
    }
  }

  /**
   * Writes the outcomes the database could not take before; while it still cannot, no new row is
   * claimed (the failure goes to the caller, which waits).
   */
  private void settleLeftovers() {
    for (Unsettled<T> next = unsettled.poll(); next != null; next = unsettled.poll()) {
      try {
        write(next.id(), next.outcome());
      } catch (StorageUnavailable away) {
        unsettled.add(next);
        throw away;
      }
    }
  }

  /**
   * Writes the outcome under the claim this instance has of the row, then lets the row go; should a
   * newer claim of this instance have adopted the row meanwhile, the outcome is written under that
   * one too. A claim lost to another worker writes nothing; a storage failure keeps the row in
   * hand.
   */
  private void write(long id, Outcome<T> outcome) {
    for (Held<T> current = held.get(id); current != null; current = letGo(id, current)) {
      try {
        outcome.write(queue, current.claimed());
      } catch (ClaimLost lost) {
        // another claim holds the row: written under it next should it be an adoption here
      } catch (StorageUnavailable away) {
        throw away;
      } catch (RuntimeException failure) {
        letGo(id, current);
        throw failure;
      }
    }
  }

  /**
   * Lets go of the row held under {@code written}'s claim; returns the claim of this instance that
   * adopted the row meanwhile, whose outcome is still to be written, or null. A newer claim that
   * did not adopt it (taken after the outcome was written) is another worker's to work on.
   */
  private Held<T> letGo(long id, Held<T> written) {
    Held<T> left =
        held.computeIfPresent(
            id,
            (key, inHand) -> inHand.claimed().token() == written.claimed().token() ? null : inHand);
    return left != null && left.adopted() ? left : null;
  }

  private static String describe(RuntimeException failure) {
    return failure.getClass().getSimpleName()
        + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
  }
}
