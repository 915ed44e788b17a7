package io.omnichannel.core.usecase;

import io.omnichannel.core.domain.ChannelAccount;
import io.omnichannel.core.domain.Connection;
import io.omnichannel.core.domain.failure.GatewayFailure;
import io.omnichannel.core.port.out.AccountRepository;
import io.omnichannel.core.port.out.ConnectionRepository;
import java.util.ArrayList;
import java.util.List;

/**
 * F9: catches the ban changes whose subscription event never arrived (a hook down, an event
 * refused). Each run re-reads at most {@code perRun} accounts of active connections, going on from
 * where the last run stopped, so the SOAP service sees a modest, steady rate however many users
 * there are.
 */
public final class ReconcilingBans {
  private final ConnectionRepository connections;
  private final AccountRepository accounts;
  private final LineBans bans;
  private final int perRun;
  private int cursor;

  public ReconcilingBans(
      ConnectionRepository connections, AccountRepository accounts, LineBans bans, int perRun) {
    if (perRun < 1) {
      throw new IllegalArgumentException("a run checks at least one account");
    }
    this.connections = connections;
    this.accounts = accounts;
    this.bans = bans;
    this.perRun = perRun;
  }

  /** Re-checks the next accounts in turn; returns how many were checked. */
  public synchronized int reconcile() {
    List<Checked> all = new ArrayList<>();
    for (Connection connection : connections.allActive()) {
      for (ChannelAccount account : accounts.of(connection.id())) {
        // an account of an earlier connection keeps its old line's state until it writes again
        if (account.isOpen() && account.connection().equals(connection.id())) {
          all.add(new Checked(connection, account));
        }
      }
    }
    if (all.isEmpty()) {
      return 0;
    }
    int count = Math.min(perRun, all.size());
    int checked = 0;
    for (int i = 0; i < count; i++) {
      Checked next = all.get((cursor + i) % all.size());
      try {
        bans.recheck(next.connection(), next.account());
        checked++;
      } catch (GatewayFailure unavailable) {
        // not readable now: the account keeps its state until the next round
      }
    }
    cursor = (cursor + count) % all.size();
    return checked;
  }

  private record Checked(Connection connection, ChannelAccount account) {}
}
