package io.omnichannel.core.usecase;

import io.omnichannel.core.domain.ChannelAccount;
import io.omnichannel.core.domain.Connection;
import io.omnichannel.core.domain.LineEvent.SubscriptionChanged;
import io.omnichannel.core.port.out.AccountRepository;
import io.omnichannel.core.port.out.LineRelay;
import java.time.Clock;
import java.util.Optional;

/**
 * F9: the ban state stored with each account, so that relaying a message needs no question to
 * 1C-Connect. It is learnt from the line's subscription events as they happen, and asked for (one
 * SOAP read) only when a delivery is refused or the periodic reconcile comes round. Every change is
 * idempotent: the same event twice, or an event and a re-check agreeing, store one change.
 */
public final class LineBans {
  private final LineRelay platform;
  private final AccountRepository accounts;
  private final Clock clock;

  public LineBans(LineRelay platform, AccountRepository accounts, Clock clock) {
    this.platform = platform;
    this.accounts = accounts;
    this.clock = clock;
  }

  /**
   * A subscription event of the connection's line: the account of that user is banned when the line
   * was removed from it or ended, and unbanned when the line was added back. An event about another
   * line, or a user the gateway does not know, changes nothing. An account that still answers to an
   * earlier connection of the bot keeps the state of its old line until it writes.
   */
  public void learn(Connection connection, SubscriptionChanged change) {
    if (!change.line().equals(connection.line().id())) {
      return;
    }
    Optional<ChannelAccount> account = accounts.findByPlatformUser(connection.id(), change.user());
    if (account.isPresent() && account.get().connection().equals(connection.id())) {
      mark(account.get(), change.endsUse(clock.instant()));
    }
  }

  /** Asks 1C-Connect whether the account is banned on the connection's line and stores it. */
  public boolean recheck(Connection connection, ChannelAccount account) {
    boolean banned = platform.isBanned(connection.lineAccess(), account.platformUser());
    mark(account, banned);
    return banned;
  }

  /**
   * Only the ban is written: the account may come from a cache a moment old, and writing it whole
   * would undo a block another instance stored meanwhile (then told again as a new episode).
   */
  private void mark(ChannelAccount account, boolean banned) {
    if (banned && !account.isBanned()) {
      accounts.markBanned(account.id(), clock.instant());
    } else if (!banned && account.isBanned()) {
      accounts.clearBan(account.id());
    }
  }
}
