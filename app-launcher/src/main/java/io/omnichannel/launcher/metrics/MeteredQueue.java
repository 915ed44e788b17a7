package io.omnichannel.launcher.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.omnichannel.core.port.out.WorkQueue;
import io.omnichannel.launcher.work.ForwardingQueue;
import java.time.Instant;

/** Counts what happens to a queue's rows: completed, retried, postponed by a rate limit, dead. */
class MeteredQueue<T> extends ForwardingQueue<T> {
  private final MeterRegistry registry;
  private final String name;

  MeteredQueue(WorkQueue<T> queue, MeterRegistry registry, String name) {
    super(queue);
    this.registry = registry;
    this.name = name;
  }

  @Override
  public void complete(long id) {
    super.complete(id);
    count("omnichannel.queue.completed");
  }

  @Override
  public void retryAt(long id, Instant next, String reason) {
    super.retryAt(id, next, reason);
    count("omnichannel.queue.retried");
  }

  @Override
  public void postpone(long id, Instant next, String reason) {
    super.postpone(id, next, reason);
    count("omnichannel.queue.rate.limited");
  }

  @Override
  public void bury(long id, String reason) {
    super.bury(id, reason);
    count("omnichannel.queue.dead");
  }

  void count(String meter) {
    registry.counter(meter, "queue", name).increment();
  }
}
