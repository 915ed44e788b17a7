package io.omnichannel.core.fakes;

import io.omnichannel.core.domain.AccountId;
import io.omnichannel.core.domain.ChannelAccount;
import io.omnichannel.core.domain.ChatId;
import io.omnichannel.core.domain.Connection;
import io.omnichannel.core.domain.ConnectionId;
import io.omnichannel.core.domain.PlatformUserId;
import io.omnichannel.core.domain.TopicId;
import io.omnichannel.core.domain.failure.ConnectionRuleViolated;
import io.omnichannel.core.domain.failure.ConnectionRuleViolated.Rule;
import io.omnichannel.core.port.out.AccountRepository;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Channel accounts in memory; one per (connection, chat, topic, epoch) as the database enforces.
 * Lookups by a connection see the accounts of every connection of the same bot in the same company,
 * as the port requires, when the connections are given.
 */
public final class InMemoryAccounts implements AccountRepository {
  private final Map<AccountId, ChannelAccount> rows = new LinkedHashMap<>();
  private final Map<AccountId, Instant> lastActivity = new LinkedHashMap<>();
  private final SameBot sameBot;

  /** Each connection sees only its own accounts: for tests of one connection. */
  public InMemoryAccounts() {
    this(id -> Optional.empty());
  }

  public InMemoryAccounts(Function<ConnectionId, Optional<Connection>> connections) {
    this.sameBot = new SameBot(connections);
  }

  private boolean sameBot(ConnectionId asked, ConnectionId owner) {
    return sameBot.test(asked, owner);
  }

  private boolean of(
      ConnectionId connection, ChatId chat, Optional<TopicId> topic, ChannelAccount a) {
    return sameBot(connection, a.connection())
        && a.chat().equals(chat)
        && a.topicId().equals(topic);
  }

  @Override
  public synchronized Optional<ChannelAccount> findOpen(
      ConnectionId connection, ChatId chat, Optional<TopicId> topic) {
    return rows.values().stream()
        .filter(a -> of(connection, chat, topic, a))
        .max(
            Comparator.comparingInt(ChannelAccount::epoch).thenComparing(ChannelAccount::createdAt))
        .filter(ChannelAccount::isOpen);
  }

  @Override
  public synchronized int lastEpoch(ConnectionId connection, ChatId chat, Optional<TopicId> topic) {
    return rows.values().stream()
        .filter(a -> of(connection, chat, topic, a))
        .mapToInt(ChannelAccount::epoch)
        .max()
        .orElse(0);
  }

  @Override
  public synchronized List<ChannelAccount> openIn(ConnectionId connection, ChatId chat) {
    return rows.values().stream()
        .filter(a -> sameBot(connection, a.connection()) && a.chat().equals(chat) && a.isOpen())
        .toList();
  }

  @Override
  public synchronized Optional<ChannelAccount> find(AccountId id) {
    return Optional.ofNullable(rows.get(id));
  }

  @Override
  public synchronized Optional<ChannelAccount> findByPlatformUser(
      ConnectionId connection, PlatformUserId user) {
    return rows.values().stream()
        .filter(a -> sameBot(connection, a.connection()) && a.platformUser().equals(user))
        .max(
            Comparator.comparingInt(ChannelAccount::epoch)
                .thenComparing(ChannelAccount::createdAt));
  }

  @Override
  public synchronized void insert(ChannelAccount account) {
    boolean exists =
        rows.values().stream()
            .anyMatch(
                a ->
                    a.connection().equals(account.connection())
                        && a.chat().equals(account.chat())
                        && a.topicId().equals(account.topicId())
                        && a.epoch() == account.epoch());
    if (exists) {
      throw new ConnectionRuleViolated(Rule.ACCOUNT_EXISTS);
    }
    rows.put(account.id(), account);
    lastActivity.put(account.id(), account.createdAt());
  }

  @Override
  public synchronized void update(ChannelAccount account) {
    if (!rows.containsKey(account.id())) {
      throw new IllegalStateException("no account " + account.id());
    }
    rows.put(account.id(), account);
  }

  @Override
  public synchronized ChannelAccount markBlocked(AccountId id, Instant at) {
    return setOnce(id, ChannelAccount::isBlocked, a -> a.blockedAt(at));
  }

  @Override
  public synchronized ChannelAccount markLeft(AccountId id, Instant at) {
    return setOnce(id, a -> !a.isOpen(), a -> a.leftAt(at));
  }

  @Override
  public synchronized void clearBlock(AccountId id) {
    update(stored(id).unblocked());
  }

  @Override
  public synchronized ChannelAccount markBanned(AccountId id, Instant at) {
    return setOnce(id, ChannelAccount::isBanned, a -> a.bannedAt(at));
  }

  @Override
  public synchronized void clearBan(AccountId id) {
    update(stored(id).unbanned());
  }

  /** Like the database's compare-and-set: a time already stored stays. */
  private ChannelAccount setOnce(
      AccountId id, Predicate<ChannelAccount> isSet, UnaryOperator<ChannelAccount> set) {
    ChannelAccount stored = stored(id);
    if (!isSet.test(stored)) {
      update(set.apply(stored));
    }
    return stored(id);
  }

  private ChannelAccount stored(AccountId id) {
    return find(id).orElseThrow(() -> new IllegalStateException("no account " + id));
  }

  @Override
  public synchronized void moveChat(ConnectionId connection, ChatId from, ChatId to) {
    rows.replaceAll(
        (id, a) ->
            sameBot(connection, a.connection()) && a.chat().equals(from) ? a.movedTo(to) : a);
  }

  @Override
  public synchronized List<ChannelAccount> of(ConnectionId connection) {
    return rows.values().stream()
        .filter(a -> sameBot(connection, a.connection()))
        .sorted(Comparator.comparing(ChannelAccount::createdAt).reversed())
        .toList();
  }

  @Override
  public synchronized void touch(AccountId account, Instant at) {
    lastActivity.put(account, at);
  }

  @Override
  public synchronized Map<AccountId, Instant> lastActivity(ConnectionId connection) {
    Map<AccountId, Instant> of = new LinkedHashMap<>();
    for (ChannelAccount account : of(connection)) {
      if (lastActivity.containsKey(account.id())) {
        of.put(account.id(), lastActivity.get(account.id()));
      }
    }
    return of;
  }

  public synchronized List<ChannelAccount> all() {
    return List.copyOf(rows.values());
  }
}
