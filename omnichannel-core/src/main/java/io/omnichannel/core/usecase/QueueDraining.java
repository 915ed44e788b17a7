package io.omnichannel.core.usecase;

import io.omnichannel.core.domain.failure.GatewayFailure;
import io.omnichannel.core.domain.failure.RateLimited;
import io.omnichannel.core.port.in.QueueWorker;
import io.omnichannel.core.port.out.Claimed;
import io.omnichannel.core.port.out.WorkQueue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The retry rules every queue shares: a rate limit waits exactly its retry-after, a passing failure
 * backs off with jitter until the attempts run out, anything else parks the row as dead with its
 * reason.
 */
final class QueueDraining<T> implements QueueWorker {
  /**
   * Handles one claimed row and completes it (the handler may complete it inside its own
   * transaction).
   */
  interface Handler<T> {
    void handle(Claimed<T> claimed);
  }

  private final WorkQueue<T> queue;
  private final Handler<T> handler;
  private final RetryPolicy retry;
  private final Duration lease;
  private final Clock clock;

  QueueDraining(
      WorkQueue<T> queue, Handler<T> handler, RetryPolicy retry, Duration lease, Clock clock) {
    this.queue = queue;
    this.handler = handler;
    this.retry = retry;
    this.lease = lease;
    this.clock = clock;
  }

  @Override
  public boolean processNext() {
    Optional<Claimed<T>> next = queue.claimNext(clock.instant(), lease);
    if (next.isEmpty()) {
      return false;
    }
    Claimed<T> claimed = next.get();
    try {
      handler.handle(claimed);
    } catch (RateLimited limited) {
      queue.postpone(claimed.id(), clock.instant().plus(limited.retryAfter()), describe(limited));
    } catch (GatewayFailure failure) {
      if (failure.retryable() && !retry.exhausted(claimed.attempt())) {
        Instant due = clock.instant().plus(retry.delayAfter(claimed.attempt()));
        queue.retryAt(claimed.id(), due, describe(failure));
      } else {
        queue.bury(claimed.id(), describe(failure) + " after " + claimed.attempt() + " attempt(s)");
      }
    } catch (RuntimeException bug) {
      queue.bury(claimed.id(), describe(bug));
    }
    return true;
  }

  private static String describe(RuntimeException failure) {
    return failure.getClass().getSimpleName()
        + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
  }
}
