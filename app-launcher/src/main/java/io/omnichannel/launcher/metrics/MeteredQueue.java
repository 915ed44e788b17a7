package io.omnichannel.launcher.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.omnichannel.core.port.out.Claimed;
import io.omnichannel.core.port.out.WorkQueue;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Counts what happens to a queue's rows: completed, retried, postponed by a rate limit, dead. */
class MeteredQueue<T> implements WorkQueue<T> {
  private final WorkQueue<T> queue;
  private final MeterRegistry registry;
  private final String name;

  MeteredQueue(WorkQueue<T> queue, MeterRegistry registry, String name) {
    this.queue = queue;
    this.registry = registry;
    this.name = name;
  }

  @Override
  public Optional<Claimed<T>> claimNext(Instant now, Duration lease) {
    return queue.claimNext(now, lease);
  }

  @Override
  public void complete(long id) {
    queue.complete(id);
    count("omnichannel.queue.completed");
  }

  @Override
  public void retryAt(long id, Instant next, String reason) {
    queue.retryAt(id, next, reason);
    count("omnichannel.queue.retried");
  }

  @Override
  public void postpone(long id, Instant next, String reason) {
    queue.postpone(id, next, reason);
    count("omnichannel.queue.rate.limited");
  }

  @Override
  public void bury(long id, String reason) {
    queue.bury(id, reason);
    count("omnichannel.queue.dead");
  }

  void count(String meter) {
    registry.counter(meter, "queue", name).increment();
  }
}
