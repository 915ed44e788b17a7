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
  public void complete(long id) {
    queue.complete(id);
  }

  @Override
  public void retryAt(long id, Instant next, String reason) {
    queue.retryAt(id, next, reason);
  }

  @Override
  public void postpone(long id, Instant next, String reason) {
    queue.postpone(id, next, reason);
  }

  @Override
  public void bury(long id, String reason) {
    queue.bury(id, reason);
  }
}
