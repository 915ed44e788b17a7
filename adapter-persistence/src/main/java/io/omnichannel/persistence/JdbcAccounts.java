package io.omnichannel.persistence;

import io.omnichannel.core.domain.AccountId;
import io.omnichannel.core.domain.ChannelAccount;
import io.omnichannel.core.domain.ChatId;
import io.omnichannel.core.domain.ChatKind;
import io.omnichannel.core.domain.ConnectionId;
import io.omnichannel.core.domain.ForumTopic;
import io.omnichannel.core.domain.PlatformUserId;
import io.omnichannel.core.domain.TopicId;
import io.omnichannel.core.port.out.AccountRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Channel accounts; one per (connection, chat, topic, epoch) by the unique key
 * uq_accounts_chat_topic_epoch, where topic '' is none (B9). Lookups by a connection cover every
 * connection of the same bot in the same company ({@link #SAME_BOT}), so a reconnect finds its
 * users (#11). The three lookups a relayed message makes are cached for {@link
 * JdbcConnections#CACHED_FOR} ({@link ReadCache}: dropped by every change made here, another
 * instance's seen within that time).
 */
final class JdbcAccounts implements AccountRepository {
  private static final String SELECT = "SELECT * FROM channel_accounts ";

  /** The connections of the given connection's bot in its company, the given one included. */
  static final String SAME_BOT =
      """
      connection_id IN (SELECT o.id FROM connections c JOIN connections o
          ON o.bot_id = c.bot_id AND o.company_id = c.company_id AND o.channel = c.channel
       WHERE c.id = ?)
      """;

  private static final String INSERT =
      """
      INSERT INTO channel_accounts (id, connection_id, chat_id, topic_id, topic_name, kind, epoch,
          display_name, username, platform_user_id, created_at, blocked_since, left_at, banned_since,
          last_activity_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """;
  private static final String UPDATE =
      """
      UPDATE channel_accounts
         SET connection_id = ?, chat_id = ?, kind = ?, display_name = ?, username = ?, platform_user_id = ?, blocked_since = ?,
             left_at = ?, banned_since = ?
       WHERE id = ?
      """;

  /** The topic_name column; a name of 128 emoji is 256 UTF-16 chars, which H2 counts. */
  private static final int TOPIC_NAME_MAX = 255;

  private final Db db;

  /** What each cached lookup was asked: the three share one cache, which any change drops whole. */
  private record ById(AccountId id) {}

  private record ByChat(ConnectionId connection, ChatId chat, String topic) {}

  private record ByPlatformUser(ConnectionId connection, PlatformUserId user) {}

  private final ReadCache<Object, ChannelAccount> cache =
      new ReadCache<>(JdbcConnections.CACHED_FOR, System::nanoTime);

  /**
   * The last activity is kept to the minute: what this instance wrote less than a minute ago needs
   * no statement (one per relayed message otherwise, and a commit).
   */
  private final RecentTouches recentTouches = new RecentTouches(Duration.ofMinutes(1), 10_000);

  JdbcAccounts(Db db) {
    this.db = db;
  }

  /** Drops the cache now and once the change being written commits. */
  private void changing() {
    changing(key -> true);
  }

  private void changing(Predicate<Object> stale) {
    cache.invalidate(stale);
    db.afterCommit(() -> cache.invalidate(stale));
  }

  /** The last activity is not part of an account as read: a touch leaves the cache as it is. */
  private Optional<ChannelAccount> cached(Object key, Supplier<Optional<ChannelAccount>> load) {
    return cache.get(key, load, !db.inTransaction());
  }

  @Override
  public Optional<ChannelAccount> findOpen(
      ConnectionId connection, ChatId chat, Optional<TopicId> topic) {
    return cached(
            new ByChat(connection, chat, topicKey(topic)),
            () ->
                db
                    .query(
                        SELECT
                            + "WHERE chat_id = ? AND topic_id = ? AND "
                            + SAME_BOT
                            + "ORDER BY epoch DESC, created_at DESC, id LIMIT 1",
                        JdbcAccounts::map,
                        chat.value(),
                        topicKey(topic),
                        connection.value())
                    .stream()
                    .findFirst())
        .filter(ChannelAccount::isOpen);
  }

  @Override
  public int lastEpoch(ConnectionId connection, ChatId chat, Optional<TopicId> topic) {
    return db.queryOne(
            "SELECT COALESCE(MAX(epoch), 0) FROM channel_accounts"
                + " WHERE chat_id = ? AND topic_id = ? AND "
                + SAME_BOT,
            row -> row.getInt(1),
            chat.value(),
            topicKey(topic),
            connection.value())
        .orElse(0);
  }

  /** An epoch ends only when the bot leaves, so every account still without left_at is open. */
  @Override
  public List<ChannelAccount> openIn(ConnectionId connection, ChatId chat) {
    return db.query(
        SELECT + "WHERE chat_id = ? AND left_at IS NULL AND " + SAME_BOT + "ORDER BY topic_id, id",
        JdbcAccounts::map,
        chat.value(),
        connection.value());
  }

  @Override
  public Optional<ChannelAccount> find(AccountId id) {
    return cached(
        new ById(id), () -> db.queryOne(SELECT + "WHERE id = ?", JdbcAccounts::map, id.value()));
  }

  @Override
  public Optional<ChannelAccount> findByPlatformUser(ConnectionId connection, PlatformUserId user) {
    return cached(
        new ByPlatformUser(connection, user),
        () ->
            db
                .query(
                    SELECT
                        + "WHERE platform_user_id = ? AND "
                        + SAME_BOT
                        + "ORDER BY epoch DESC, created_at DESC, id LIMIT 1",
                    JdbcAccounts::map,
                    user.value(),
                    connection.value())
                .stream()
                .findFirst());
  }

  @Override
  public void insert(ChannelAccount a) {
    // a new account (a first contact, every few messages under load) leaves the other chats'
    // lookups as they are: only its chat's, which may have found the epoch the bot left, go stale
    changing(
        key ->
            key instanceof ByChat byChat && byChat.chat().equals(a.chat())
                || key instanceof ByPlatformUser byUser && byUser.user().equals(a.platformUser()));
    db.update(
        INSERT,
        a.id().value(),
        a.connection().value(),
        a.chat().value(),
        topicKey(a.topicId()),
        a.topic().map(topic -> Text.clip(topic.name(), TOPIC_NAME_MAX)).orElse(null),
        a.kind().name(),
        a.epoch(),
        a.displayName(),
        a.username().orElse(null),
        a.platformUser().value(),
        Micros.of(a.createdAt()),
        Micros.ofNullable(a.blockedSince()),
        Micros.ofNullable(a.leftAt()),
        Micros.ofNullable(a.bannedSince()),
        Micros.of(a.createdAt()));
    // the first message's touch, moments later, then needs no statement (nor a commit of its own)
    db.afterCommit(() -> recentTouches.due(a.id(), a.createdAt()));
  }

  @Override
  public void update(ChannelAccount a) {
    changing();
    int updated =
        db.update(
            UPDATE,
            a.connection().value(),
            a.chat().value(),
            a.kind().name(),
            a.displayName(),
            a.username().orElse(null),
            a.platformUser().value(),
            Micros.ofNullable(a.blockedSince()),
            Micros.ofNullable(a.leftAt()),
            Micros.ofNullable(a.bannedSince()),
            a.id().value());
    if (updated != 1) {
      throw new IllegalStateException("no account " + a.id());
    }
  }

  /**
   * The compare-and-set leaves a time another instance wrote first (this one's cache may not show
   * it yet); the row is then read past the cache.
   */
  @Override
  public ChannelAccount markBlocked(AccountId account, Instant at) {
    return setOnce("blocked_since", account, at);
  }

  @Override
  public ChannelAccount markLeft(AccountId account, Instant at) {
    return setOnce("left_at", account, at);
  }

  @Override
  public void clearBlock(AccountId account) {
    clear("blocked_since", account);
  }

  @Override
  public ChannelAccount markBanned(AccountId account, Instant at) {
    return setOnce("banned_since", account, at);
  }

  @Override
  public void clearBan(AccountId account) {
    clear("banned_since", account);
  }

  private void clear(String column, AccountId account) {
    changing();
    db.update("UPDATE channel_accounts SET " + column + " = NULL WHERE id = ?", account.value());
  }

  private ChannelAccount setOnce(String column, AccountId account, Instant at) {
    changing();
    db.update(
        "UPDATE channel_accounts SET " + column + " = ? WHERE id = ? AND " + column + " IS NULL",
        Micros.of(at),
        account.value());
    return db.queryOne(SELECT + "WHERE id = ?", JdbcAccounts::map, account.value())
        .orElseThrow(() -> new IllegalStateException("no account " + account));
  }

  @Override
  public void moveChat(ConnectionId connection, ChatId from, ChatId to) {
    changing();
    db.update(
        "UPDATE channel_accounts SET chat_id = ? WHERE chat_id = ? AND " + SAME_BOT,
        to.value(),
        from.value(),
        connection.value());
  }

  @Override
  public List<ChannelAccount> of(ConnectionId connection) {
    return db.query(
        SELECT + "WHERE " + SAME_BOT + "ORDER BY created_at DESC, id DESC",
        JdbcAccounts::map,
        connection.value());
  }

  /**
   * One write a minute at most per account: a busy chat costs a statement that changes nothing, not
   * a row rewrite per message.
   */
  @Override
  public void touch(AccountId account, Instant at) {
    if (!recentTouches.due(account, at)) {
      return; // written by this instance less than a minute ago: the statement would change nothing
    }
    db.update(
        """
        UPDATE channel_accounts SET last_activity_at = ?
         WHERE id = ? AND (last_activity_at IS NULL OR last_activity_at < ?)
        """,
        Micros.of(at),
        account.value(),
        Micros.of(at.minus(Duration.ofMinutes(1))));
  }

  @Override
  public Map<AccountId, Instant> lastActivity(ConnectionId connection) {
    Map<AccountId, Instant> last = new HashMap<>();
    db.query(
            "SELECT id, last_activity_at FROM channel_accounts WHERE last_activity_at IS NOT NULL"
                + " AND "
                + SAME_BOT,
            row ->
                Map.entry(
                    new AccountId(row.getString("id")), Micros.instant(row, "last_activity_at")),
            connection.value())
        .forEach(entry -> last.put(entry.getKey(), entry.getValue()));
    return last;
  }

  /** '' is no topic: the unique key compares it, where it would not compare NULLs. */
  static String topicKey(Optional<TopicId> topic) {
    return topic.map(TopicId::value).orElse("");
  }

  private static Optional<ForumTopic> topic(ResultSet row) throws SQLException {
    String id = row.getString("topic_id");
    return id.isEmpty()
        ? Optional.empty()
        : Optional.of(new ForumTopic(new TopicId(id), row.getString("topic_name")));
  }

  private static ChannelAccount map(ResultSet row) throws SQLException {
    return new ChannelAccount(
        new AccountId(row.getString("id")),
        new ConnectionId(row.getString("connection_id")),
        new ChatId(row.getString("chat_id")),
        topic(row),
        ChatKind.valueOf(row.getString("kind")),
        row.getInt("epoch"),
        row.getString("display_name"),
        Rows.optionalString(row, "username"),
        new PlatformUserId(row.getString("platform_user_id")),
        Micros.instant(row, "created_at"),
        Micros.optionalInstant(row, "blocked_since"),
        Micros.optionalInstant(row, "left_at"),
        Micros.optionalInstant(row, "banned_since"));
  }
}
