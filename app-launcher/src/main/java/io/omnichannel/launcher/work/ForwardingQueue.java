package io.omnichannel.launcher.work;

import io.omnichannel.core.port.out.Claimed;
import io.omnichannel.core.port.out.WorkQueue;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Passes every queue call on, for decorators that add one thing (waking workers, counting). */
public abstract class ForwardingQueue<T> implements WorkQueue<T> {
  private final WorkQueue<T> queue;

  protected ForwardingQueue(WorkQueue<T> queue) {
    this.queue = queue;
  }

  @Override
  public Optional<Claimed<T>> claimNext(Instant now, Duration lease) {
    return queue.claimNext(now, lease);
  }

  @Override
  public boolean renew(Claimed<T> claimed, Instant until) {
    return queue.renew(claimed, until);
  }

  @Override
  public void complete(Claimed<T> claimed) {
    queue.complete(claimed);
  }

  @Override
  public void retryAt(Claimed<T> claimed, Instant next, String reason) {
    queue.retryAt(claimed, next, reason);
  }

  @Override
  public void postpone(Claimed<T> claimed, Instant next, String reason) {
    queue.postpone(claimed, next, reason);
  }

  @Override
  public void bury(Claimed<T> claimed, String reason) {
    queue.bury(claimed, reason);
  }
}
