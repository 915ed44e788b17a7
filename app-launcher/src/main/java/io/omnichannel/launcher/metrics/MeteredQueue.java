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
    count(GatewayCounter.COMPLETED);
  }

  @Override
  public void retryAt(Claimed<T> claimed, Instant next, String reason) {
    counting(() -> super.retryAt(claimed, next, reason));
    count(GatewayCounter.RETRIED);
  }

  @Override
  public void postpone(Claimed<T> claimed, Instant next, String reason) {
    counting(() -> super.postpone(claimed, next, reason));
    count(GatewayCounter.RATE_LIMITED);
  }

  @Override
  public void bury(Claimed<T> claimed, String reason) {
    counting(() -> super.bury(claimed, reason));
    count(GatewayCounter.DEAD);
  }

  private void counting(Runnable write) {
    try {
      write.run();
    } catch (ClaimLost lost) {
      count(GatewayCounter.CLAIM_LOST);
      throw lost;
    }
  }

  void count(GatewayCounter counter) {
    counter.in(registry, "queue", name).increment();
  }
}
