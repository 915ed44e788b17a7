package io.omnichannel.core.fakes;

import io.omnichannel.core.domain.AccountId;
import io.omnichannel.core.domain.ChannelAccount;
import io.omnichannel.core.domain.ChatId;
import io.omnichannel.core.domain.ConnectionId;
import io.omnichannel.core.domain.PlatformUserId;
import io.omnichannel.core.domain.failure.ConnectionRuleViolated;
import io.omnichannel.core.domain.failure.ConnectionRuleViolated.Rule;
import io.omnichannel.core.port.out.AccountRepository;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Channel accounts in memory; one per (connection, chat, epoch) as the database enforces. */
public final class InMemoryAccounts implements AccountRepository {
  private final Map<AccountId, ChannelAccount> rows = new LinkedHashMap<>();

  @Override
  public synchronized Optional<ChannelAccount> findOpen(ConnectionId connection, ChatId chat) {
    return rows.values().stream()
        .filter(a -> a.connection().equals(connection) && a.chat().equals(chat) && a.isOpen())
        .max(Comparator.comparingInt(ChannelAccount::epoch));
  }

  @Override
  public synchronized int lastEpoch(ConnectionId connection, ChatId chat) {
    return rows.values().stream()
        .filter(a -> a.connection().equals(connection) && a.chat().equals(chat))
        .mapToInt(ChannelAccount::epoch)
        .max()
        .orElse(0);
  }

  @Override
  public synchronized Optional<ChannelAccount> find(AccountId id) {
    return Optional.ofNullable(rows.get(id));
  }

  @Override
  public synchronized Optional<ChannelAccount> findByPlatformUser(
      ConnectionId connection, PlatformUserId user) {
    return rows.values().stream()
        .filter(a -> a.connection().equals(connection) && a.platformUser().equals(user))
        .findFirst();
  }

  @Override
  public synchronized void insert(ChannelAccount account) {
    boolean exists =
        rows.values().stream()
            .anyMatch(
                a ->
                    a.connection().equals(account.connection())
                        && a.chat().equals(account.chat())
                        && a.epoch() == account.epoch());
    if (exists) {
      throw new ConnectionRuleViolated(Rule.ACCOUNT_EXISTS);
    }
    rows.put(account.id(), account);
  }

  @Override
  public synchronized void update(ChannelAccount account) {
    if (!rows.containsKey(account.id())) {
      throw new IllegalStateException("no account " + account.id());
    }
    rows.put(account.id(), account);
  }

  @Override
  public synchronized void moveChat(ConnectionId connection, ChatId from, ChatId to) {
    rows.replaceAll(
        (id, a) -> a.connection().equals(connection) && a.chat().equals(from) ? a.movedTo(to) : a);
  }

  @Override
  public synchronized List<ChannelAccount> of(ConnectionId connection) {
    return rows.values().stream()
        .filter(a -> a.connection().equals(connection))
        .sorted(Comparator.comparing(ChannelAccount::createdAt).reversed())
        .toList();
  }

  public synchronized List<ChannelAccount> all() {
    return List.copyOf(rows.values());
  }
}
