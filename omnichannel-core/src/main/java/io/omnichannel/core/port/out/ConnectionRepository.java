package io.omnichannel.core.port.out;

import io.omnichannel.core.domain.BotId;
import io.omnichannel.core.domain.ChannelKind;
import io.omnichannel.core.domain.CompanyId;
import io.omnichannel.core.domain.Connection;
import io.omnichannel.core.domain.ConnectionId;
import io.omnichannel.core.domain.LineId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Connections of bots to lines; the implementation enforces F12 atomically: a line has one bot of
 * any messenger, a bot (a messenger's bot id) one line, a company up to {@code
 * ChannelLimits.MAX_BOTS_PER_COMPANY} bots of each messenger.
 */
public interface ConnectionRepository {

  /**
   * Stores a new active connection.
   *
   * @throws io.omnichannel.core.domain.failure.ConnectionRuleViolated when the line or the bot is
   *     taken, or the company already has its maximum of active bots of the connection's messenger
   *     — decided atomically, under concurrency
   */
  void insert(Connection connection);

  /** Stores a changed state (or the disconnection) of an existing connection. */
  void update(Connection connection);

  Optional<Connection> find(ConnectionId id);

  /** The connection that holds the line, if any. */
  Optional<Connection> findActiveByLine(LineId line);

  /** The connection that holds the messenger's bot, if any. */
  Optional<Connection> findActiveByBot(ChannelKind channel, BotId bot);

  /**
   * Every connection, past or present, of the bot in the company, newest first: they share one
   * technical client and its accounts.
   */
  List<Connection> ofBot(CompanyId company, ChannelKind channel, BotId bot);

  /** The company's connections that hold a slot, ordered by line name. */
  List<Connection> activeOf(CompanyId company);

  /** The company's connections of one messenger that hold a slot, ordered by line name. */
  default List<Connection> activeOf(CompanyId company, ChannelKind channel) {
    return activeOf(company).stream()
        .filter(connection -> connection.channel().equals(channel))
        .toList();
  }

  /** Every connection that holds a slot, for receiving and monitoring. */
  List<Connection> allActive();

  /**
   * Since when each connection that holds a slot has been in its present state (its connection time
   * if the state never changed).
   */
  Map<ConnectionId, Instant> activeStatesSince();
}
