package io.omnichannel.max;

import io.omnichannel.core.domain.ConnectionId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The running pollers of this instance, one per connection. */
final class Pollers {
  private final Poller.Receiving receiving;
  private final Map<ConnectionId, Poller> running = new ConcurrentHashMap<>();

  Pollers(Poller.Receiving receiving) {
    this.receiving = receiving;
  }

  /** Idempotent: a connection that is polled already keeps its poller. */
  void start(Bot bot) {
    running.compute(
        bot.connection(),
        (id, existing) -> {
          if (existing != null && !existing.isStopped()) {
            return existing;
          }
          Poller poller = new Poller(bot, receiving);
          poller.start();
          return poller;
        });
  }

  void stop(ConnectionId connection) {
    Poller poller = running.remove(connection);
    if (poller != null) {
      poller.stop();
    }
  }

  int count() {
    return running.size();
  }

  void stopAll() {
    running.keySet().forEach(this::stop);
  }
}
