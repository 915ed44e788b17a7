package io.omnichannel.core.fakes;

import io.omnichannel.core.domain.ConnectionId;
import io.omnichannel.core.port.out.PollingLeases;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Polling leases in memory: one holder per connection until its lease runs out, as the database
 * keeps them.
 */
public final class InMemoryPollingLeases implements PollingLeases {
  private record Lease(String holder, Instant until) {}

  private final Map<ConnectionId, Lease> leases = new HashMap<>();

  @Override
  public synchronized boolean acquireOrRenew(
      ConnectionId connection, String instance, Instant now, Duration ttl) {
    Lease current = leases.get(connection);
    if (current == null || current.holder().equals(instance) || !current.until().isAfter(now)) {
      leases.put(connection, new Lease(instance, now.plus(ttl)));
      return true;
    }
    return false;
  }

  @Override
  public synchronized void release(ConnectionId connection, String instance) {
    Lease current = leases.get(connection);
    if (current != null && current.holder().equals(instance)) {
      leases.remove(connection);
    }
  }

  /** Who holds the connection's lease now, if anyone. */
  public synchronized Optional<String> holder(ConnectionId connection, Instant now) {
    Lease current = leases.get(connection);
    return current == null || !current.until().isAfter(now)
        ? Optional.empty()
        : Optional.of(current.holder());
  }
}
