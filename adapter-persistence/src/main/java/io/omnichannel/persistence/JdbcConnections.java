package io.omnichannel.persistence;

import io.omnichannel.core.domain.ApiAccount;
import io.omnichannel.core.domain.BotId;
import io.omnichannel.core.domain.BotToken;
import io.omnichannel.core.domain.ChannelKind;
import io.omnichannel.core.domain.ChannelLimits;
import io.omnichannel.core.domain.CompanyId;
import io.omnichannel.core.domain.Connection;
import io.omnichannel.core.domain.ConnectionId;
import io.omnichannel.core.domain.ConnectionState;
import io.omnichannel.core.domain.HookCredentials;
import io.omnichannel.core.domain.LineId;
import io.omnichannel.core.domain.SealedSecret;
import io.omnichannel.core.domain.Secret;
import io.omnichannel.core.domain.TechnicalClient;
import io.omnichannel.core.domain.TechnicalClientId;
import io.omnichannel.core.domain.failure.ConnectionRuleViolated;
import io.omnichannel.core.domain.failure.ConnectionRuleViolated.Rule;
import io.omnichannel.core.port.out.ConnectionRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Connections. F12 is held by unique keys over the active_* columns (see V1__schema.sql); an insert
 * takes the company's lowest free slot, and when a concurrent insert took the same slot first,
 * reads the slots again and tries the next one.
 */
final class JdbcConnections implements ConnectionRepository {
  private static final String INSERT =
      """
      INSERT INTO connections (id, company_id, channel, line_id, line_company_id, line_name, line_availability,
          bot_id, bot_username, bot_display_name, token_key, token_sealed, technical_client_id,
          technical_client_name, api_login, api_password_key, api_password_sealed, webhook_secret_hash,
          hook_login, hook_password_key, hook_password_sealed, state, connected_at, disconnected_at,
          active_line_id, active_bot_id, active_slot)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """;
  private static final String UPDATE =
      """
      UPDATE connections
         SET channel = ?, line_name = ?, line_availability = ?, bot_username = ?, bot_display_name = ?,
             token_key = ?, token_sealed = ?, technical_client_id = ?, technical_client_name = ?,
             api_login = ?, api_password_key = ?, api_password_sealed = ?, webhook_secret_hash = ?,
             hook_login = ?, hook_password_key = ?, hook_password_sealed = ?, state = ?, disconnected_at = ?
       WHERE id = ?
      """;

  /** A disconnected connection gives its line, bot and slot back. */
  private static final String RELEASE_SLOT =
      """
      UPDATE connections SET active_line_id = NULL, active_bot_id = NULL, active_slot = NULL WHERE id = ?
      """;

  private static final String TAKEN_SLOTS =
      """
      SELECT active_slot FROM connections WHERE company_id = ? AND channel = ? AND active_slot IS NOT NULL
      """;
  private static final String SELECT = "SELECT * FROM connections ";

  /** Runs before {@link #UPDATE}: a changed state starts its time. */
  private static final String STATE_CHANGED =
      "UPDATE connections SET state_since = ? WHERE id = ? AND state <> ?";

  private final Db db;
  private final Sealing sealing;
  private final Clock clock;

  /** How long another instance's change to a connection may go unseen here. */
  static final Duration CACHED_FOR = Duration.ofSeconds(2);

  private final ReadCache<ConnectionId, Connection> cache =
      new ReadCache<>(CACHED_FOR, System::nanoTime);

  JdbcConnections(Db db, Sealing sealing, Clock clock) {
    this.db = db;
    this.sealing = sealing;
    this.clock = clock;
  }

  /** Drops the cache now and once the change being written commits. */
  private void changing() {
    cache.invalidate();
    db.afterCommit(cache::invalidate);
  }

  @Override
  public void insert(Connection connection) {
    if (!connection.isActive()) {
      throw new IllegalArgumentException("a new connection holds a slot");
    }
    // Each round either stores the row or sees a slot taken that it had read as free.
    for (int round = 0; round <= 4 * ChannelLimits.MAX_BOTS_PER_COMPANY; round++) {
      Optional<Integer> slot = freeSlot(connection.company(), connection.channel());
      if (slot.isEmpty()) {
        throw new ConnectionRuleViolated(lineOrBotTaken(connection).orElse(Rule.COMPANY_FULL));
      }
      try {
        insertWithSlot(connection, slot.get());
        return;
      } catch (ConnectionRuleViolated violated) {
        if (violated.rule() != Rule.COMPANY_FULL) {
          throw violated;
        }
      }
    }
    throw new ConnectionRuleViolated(Rule.COMPANY_FULL);
  }

  /** Each messenger has its own slots in a company (V11_3). */
  private Optional<Integer> freeSlot(CompanyId company, ChannelKind channel) {
    Set<Integer> taken =
        new TreeSet<>(
            db.query(TAKEN_SLOTS, row -> row.getInt(1), company.value(), channel.displayName()));
    for (int slot = 1; slot <= ChannelLimits.MAX_BOTS_PER_COMPANY; slot++) {
      if (!taken.contains(slot)) {
        return Optional.of(slot);
      }
    }
    return Optional.empty();
  }

  private Optional<Rule> lineOrBotTaken(Connection connection) {
    if (findActiveByLine(connection.line().id()).isPresent()) {
      return Optional.of(Rule.LINE_TAKEN);
    }
    return findActiveByBot(connection.channel(), connection.bot().id())
        .map(found -> Rule.BOT_TAKEN);
  }

  private void insertWithSlot(Connection c, int slot) {
    changing();
    SealedSecret token = sealing.seal(c.token().reveal(), context("token", c.id()));
    SealedSecret apiPassword =
        sealing.seal(c.apiAccount().password().reveal(), context("api_password", c.id()));
    SealedSecret hookPassword =
        sealing.seal(c.hookCredentials().password().reveal(), context("hook_password", c.id()));
    db.update(
        INSERT,
        c.id().value(),
        c.company().value(),
        c.channel().displayName(),
        c.line().id().value(),
        c.line().company().value(),
        c.line().name(),
        c.line().availability().name(),
        c.bot().id().value(),
        c.bot().username(),
        c.bot().displayName(),
        token.keyId(),
        token.ciphertext(),
        c.technicalClient().id().value(),
        c.technicalClient().name(),
        c.apiAccount().login(),
        apiPassword.keyId(),
        apiPassword.ciphertext(),
        c.webhookSecretHash(),
        c.hookCredentials().login(),
        hookPassword.keyId(),
        hookPassword.ciphertext(),
        c.state().name(),
        Micros.of(c.connectedAt()),
        Micros.ofNullable(c.disconnectedAt()),
        c.line().id().value(),
        c.bot().id().value(),
        slot);
  }

  @Override
  public void update(Connection c) {
    changing();
    SealedSecret token = sealing.seal(c.token().reveal(), context("token", c.id()));
    SealedSecret apiPassword =
        sealing.seal(c.apiAccount().password().reveal(), context("api_password", c.id()));
    SealedSecret hookPassword =
        sealing.seal(c.hookCredentials().password().reveal(), context("hook_password", c.id()));
    db.run(
        () -> {
          db.update(STATE_CHANGED, Micros.of(clock.instant()), c.id().value(), c.state().name());
          int updated =
              db.update(
                  UPDATE,
                  c.channel().displayName(),
                  c.line().name(),
                  c.line().availability().name(),
                  c.bot().username(),
                  c.bot().displayName(),
                  token.keyId(),
                  token.ciphertext(),
                  c.technicalClient().id().value(),
                  c.technicalClient().name(),
                  c.apiAccount().login(),
                  apiPassword.keyId(),
                  apiPassword.ciphertext(),
                  c.webhookSecretHash(),
                  c.hookCredentials().login(),
                  hookPassword.keyId(),
                  hookPassword.ciphertext(),
                  c.state().name(),
                  Micros.ofNullable(c.disconnectedAt()),
                  c.id().value());
          if (updated != 1) {
            throw new IllegalStateException("no connection " + c.id());
          }
          if (!c.isActive()) {
            db.update(RELEASE_SLOT, c.id().value());
          }
        });
  }

  @Override
  public Optional<Connection> find(ConnectionId id) {
    return cache.get(
        id, () -> db.queryOne(SELECT + "WHERE id = ?", this::map, id.value()), !db.inTransaction());
  }

  @Override
  public Optional<Connection> findActiveByLine(LineId line) {
    return db.queryOne(SELECT + "WHERE active_line_id = ?", this::map, line.value());
  }

  @Override
  public Optional<Connection> findActiveByBot(ChannelKind channel, BotId bot) {
    return db.queryOne(
        SELECT + "WHERE active_bot_id = ? AND channel = ?",
        this::map,
        bot.value(),
        channel.displayName());
  }

  @Override
  public List<Connection> ofBot(CompanyId company, ChannelKind channel, BotId bot) {
    return db.query(
        SELECT
            + "WHERE bot_id = ? AND company_id = ? AND channel = ? ORDER BY connected_at DESC, id",
        this::map,
        bot.value(),
        company.value(),
        channel.displayName());
  }

  @Override
  public List<Connection> activeOf(CompanyId company) {
    return db.query(
        SELECT + "WHERE company_id = ? AND active_slot IS NOT NULL ORDER BY line_name, id",
        this::map,
        company.value());
  }

  @Override
  public List<Connection> allActive() {
    return db.query(SELECT + "WHERE active_slot IS NOT NULL ORDER BY connected_at, id", this::map);
  }

  @Override
  public Map<ConnectionId, Instant> activeStatesSince() {
    Map<ConnectionId, Instant> since = new HashMap<>();
    db.query(
            "SELECT id, COALESCE(state_since, connected_at) AS since FROM connections"
                + " WHERE active_slot IS NOT NULL",
            row -> Map.entry(new ConnectionId(row.getString("id")), Micros.instant(row, "since")))
        .forEach(entry -> since.put(entry.getKey(), entry.getValue()));
    return since;
  }

  /** Where a sealed column of a connection lives; its seal opens there only. */
  static String context(String column, ConnectionId id) {
    return Sealing.context("connections", column, id.value());
  }

  private Connection map(ResultSet row) throws SQLException {
    ConnectionId id = new ConnectionId(row.getString("id"));
    return new Connection(
        id,
        new CompanyId(row.getString("company_id")),
        new ChannelKind(row.getString("channel")),
        Rows.line(row),
        Rows.bot(row),
        BotToken.of(sealing.open(row, "token", context("token", id))),
        new TechnicalClient(
            new TechnicalClientId(row.getString("technical_client_id")),
            row.getString("technical_client_name")),
        new ApiAccount(
            row.getString("api_login"),
            Secret.of(sealing.open(row, "api_password", context("api_password", id)))),
        row.getString("webhook_secret_hash"),
        new HookCredentials(
            row.getString("hook_login"),
            Secret.of(sealing.open(row, "hook_password", context("hook_password", id)))),
        ConnectionState.valueOf(row.getString("state")),
        Micros.instant(row, "connected_at"),
        Micros.optionalInstant(row, "disconnected_at"));
  }
}
