package io.omnichannel.launcher.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.omnichannel.core.domain.failure.ClaimLost;
import io.omnichannel.core.port.out.Claimed;
import io.omnichannel.core.port.out.WorkQueue;
import io.omnichannel.launcher.work.ForwardingQueue;
import java.time.Instant;

/**
 * Counts what happens to a queue's rows: completed, retried, postponed by a rate limit, dead, and
 * writes by a claim that had lost its row (ignored).
 */
class MeteredQueue<T> extends ForwardingQueue<T> {
  private final MeterRegistry registry;
  private final String name;

  MeteredQueue(WorkQueue<T> queue, MeterRegistry registry, String name) {
    super(queue);
    this.registry = registry;
    this.name = name;
  }

  @Override
  public void complete(Claimed<T> claimed) {
    counting(() -> super.complete(claimed));
    count("omnichannel.queue.completed");
  }

  @Override
  public void retryAt(Claimed<T> claimed, Instant next, String reason) {
    counting(() -> super.retryAt(claimed, next, reason));
    count("omnichannel.queue.retried");
  }

  @Override
  public void postpone(Claimed<T> claimed, Instant next, String reason) {
    counting(() -> super.postpone(claimed, next, reason));
    count("omnichannel.queue.rate.limited");
  }

  @Override
  public void bury(Claimed<T> claimed, String reason) {
    counting(() -> super.bury(claimed, reason));
    count("omnichannel.queue.dead");
  }

  private void counting(Runnable write) {
    try {
      write.run();
    } catch (ClaimLost lost) {
      count("omnichannel.queue.claim.lost");
      throw lost;
    }
  }

  void count(String meter) {
    registry.counter(meter, "queue", name).increment();
  }
}
