package io.omnichannel.core.fakes;

import io.omnichannel.core.domain.Connection;
import io.omnichannel.core.domain.ConnectionId;
import java.util.Optional;
import java.util.function.Function;

/**
 * Whether two connections are the same bot of the same company, as the stores' lookups across a
 * bot's connections need (#11); connections it cannot find are only the same as themselves.
 */
final class SameBot {
  private final Function<ConnectionId, Optional<Connection>> connections;

  SameBot(Function<ConnectionId, Optional<Connection>> connections) {
    this.connections = connections;
  }

  boolean test(ConnectionId asked, ConnectionId owner) {
    if (asked.equals(owner)) {
      return true;
    }
    Optional<Connection> a = connections.apply(asked);
    Optional<Connection> b = connections.apply(owner);
    return a.isPresent() && b.isPresent() && a.get().sameBotAs(b.get());
  }
}
