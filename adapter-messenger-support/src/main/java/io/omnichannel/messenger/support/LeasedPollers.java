package io.omnichannel.messenger.support;

import io.omnichannel.core.domain.ConnectionId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The running pollers of this instance, one per connection. */
public final class LeasedPollers {
  private final LeasedPoller.Receiving receiving;
  private final Map<ConnectionId, LeasedPoller> running = new ConcurrentHashMap<>();

  public LeasedPollers(LeasedPoller.Receiving receiving) {
    this.receiving = receiving;
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
