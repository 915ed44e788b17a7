package io.omnichannel.core.fakes;

import io.omnichannel.core.domain.BotId;
import io.omnichannel.core.domain.ChannelKind;
import io.omnichannel.core.domain.ChannelLimits;
import io.omnichannel.core.domain.CompanyId;
import io.omnichannel.core.domain.Connection;
import io.omnichannel.core.domain.ConnectionId;
import io.omnichannel.core.domain.LineId;
import io.omnichannel.core.domain.failure.ConnectionRuleViolated;
import io.omnichannel.core.domain.failure.ConnectionRuleViolated.Rule;
import io.omnichannel.core.port.out.ConnectionRepository;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Connections in memory, enforcing F12 under a lock as the database does with constraints. */
public final class InMemoryConnections implements ConnectionRepository {
  private final Map<ConnectionId, Connection> rows = new LinkedHashMap<>();

  @Override
  public synchronized void insert(Connection connection) {
    if (findActiveByLine(connection.line().id()).isPresent()) {
      throw new ConnectionRuleViolated(Rule.LINE_TAKEN);
    }
    if (findActiveByBot(connection.channel(), connection.bot().id()).isPresent()) {
      throw new ConnectionRuleViolated(Rule.BOT_TAKEN);
    }
    if (activeOf(connection.company(), connection.channel()).size()
        >= ChannelLimits.MAX_BOTS_PER_COMPANY) {
      throw new ConnectionRuleViolated(Rule.COMPANY_FULL);
    }
    rows.put(connection.id(), connection);
  }

  @Override
  public synchronized void update(Connection connection) {
    if (!rows.containsKey(connection.id())) {
      throw new IllegalStateException("no connection " + connection.id());
    }
    rows.put(connection.id(), connection);
  }

  @Override
  public synchronized Optional<Connection> find(ConnectionId id) {
    return Optional.ofNullable(rows.get(id));
  }

  @Override
  public synchronized Optional<Connection> findActiveByLine(LineId line) {
    return rows.values().stream()
        .filter(Connection::isActive)
        .filter(c -> c.line().id().equals(line))
        .findFirst();
  }

  @Override
  public synchronized Optional<Connection> findActiveByBot(ChannelKind channel, BotId bot) {
    return rows.values().stream()
        .filter(Connection::isActive)
        .filter(c -> c.channel().equals(channel) && c.bot().id().equals(bot))
        .findFirst();
  }

  @Override
  public synchronized List<Connection> ofBot(CompanyId company, ChannelKind channel, BotId bot) {
    return rows.values().stream()
        .filter(c -> c.company().equals(company))
        .filter(c -> c.channel().equals(channel) && c.bot().id().equals(bot))
        .sorted(Comparator.comparing(Connection::connectedAt).reversed())
        .toList();
  }

  @Override
  public synchronized List<Connection> activeOf(CompanyId company) {
    return rows.values().stream()
        .filter(Connection::isActive)
        .filter(c -> c.company().equals(company))
        .sorted(Comparator.comparing(c -> c.line().name()))
        .toList();
  }

  @Override
  public synchronized List<Connection> allActive() {
    return rows.values().stream().filter(Connection::isActive).toList();
  }

  /** States are not timed here: each since its connection. */
  @Override
  public synchronized Map<ConnectionId, Instant> activeStatesSince() {
    return allActive().stream().collect(Collectors.toMap(Connection::id, Connection::connectedAt));
  }

  public synchronized List<Connection> all() {
    return List.copyOf(rows.values());
  }
}
