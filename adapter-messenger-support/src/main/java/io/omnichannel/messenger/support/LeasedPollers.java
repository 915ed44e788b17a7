package io.omnichannel.messenger.support;

import io.omnichannel.core.domain.ConnectionId;
import io.omnichannel.core.port.in.InboundGateway;
import io.omnichannel.core.port.out.PollingLeases;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The running pollers of this instance, one per connection: each polls its bot under the polling
 * lease (B3), hands every update to the core and moves the cursor that confirms it only once the
 * core stored it (B1), backs off on errors and stops at once.
 */
public final class LeasedPollers {
  private final Receiving receiving;
  private final Map<ConnectionId, LeasedPoller> running = new ConcurrentHashMap<>();

  public LeasedPollers(Receiving receiving) {
    this.receiving = receiving;
  }

  /** What every poller of an instance shares. */
  public record Receiving(
      InboundGateway gateway,
      PollingLeases leases,
      Clock clock,
      String instance,
      PollTimings timings,
      ScheduledExecutorService timer,
      Executor workers) {
    public Receiving {
      Objects.requireNonNull(gateway, "gateway");
      Objects.requireNonNull(leases, "leases");
      Objects.requireNonNull(clock, "clock");
      Objects.requireNonNull(instance, "instance");
      Objects.requireNonNull(timings, "timings");
      Objects.requireNonNull(timer, "timer");
      Objects.requireNonNull(workers, "workers");
    }
  }

  /** Idempotent: a connection that is polled already keeps its poller. */
  public void start(PolledBot bot) {
    running.compute(
        bot.connection(),
        (id, existing) -> {
          if (existing != null && !existing.isStopped()) {
            return existing;
          }
          LeasedPoller poller = new LeasedPoller(bot, receiving);
          poller.start();
          return poller;
        });
  }

  public void stop(ConnectionId connection) {
    LeasedPoller poller = running.remove(connection);
    if (poller != null) {
      poller.stop();
    }
  }

  public int count() {
    return running.size();
  }

  public void stopAll() {
    running.keySet().forEach(this::stop);
  }
}
