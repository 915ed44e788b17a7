package io.omnichannel.core.usecase;

import io.omnichannel.core.domain.AccountId;
import io.omnichannel.core.domain.ChannelAccount;
import io.omnichannel.core.domain.Connection;
import io.omnichannel.core.domain.ConnectionId;
import io.omnichannel.core.port.in.AccountDirectory;
import io.omnichannel.core.port.out.AccountRepository;
import io.omnichannel.core.port.out.ConnectionRepository;
import io.omnichannel.core.port.out.LineRelay;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** F14: lists a connection's accounts, asking 1C-Connect for each one's ban state. */
public final class ListingAccounts implements AccountDirectory {
  private final ConnectionRepository connections;
  private final AccountRepository accounts;
  private final LineRelay platform;

  public ListingAccounts(
      ConnectionRepository connections, AccountRepository accounts, LineRelay platform) {
    this.connections = connections;
    this.accounts = accounts;
    this.platform = platform;
  }

  @Override
  public List<AccountView> accountsOf(ConnectionId id) {
    Optional<Connection> connection = connections.find(id);
    if (connection.isEmpty()) {
      return List.of();
    }
    Map<AccountId, Instant> lastActivity = accounts.lastActivity(id);
    return accounts.of(id).stream()
        .map(
            account ->
                new AccountView(
                    account,
                    platform.isBanned(
                        lineOf(account, connection.get()).lineAccess(), account.platformUser()),
                    account.isBlocked(),
                    Optional.ofNullable(lastActivity.get(account.id()))))
        .toList();
  }

  /**
   * The connection whose line the account has: an account of an earlier connection of the bot gets
   * this connection's line only when it writes again, and keeps the ban state of its old line.
   */
  private Connection lineOf(ChannelAccount account, Connection listed) {
    if (account.connection().equals(listed.id())) {
      return listed;
    }
    return connections.find(account.connection()).orElse(listed);
  }
}
