package io.omnichannel.core.port.in;

import io.omnichannel.core.domain.ChannelAccount;
import io.omnichannel.core.domain.ConnectionId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** F14: the technical client's users (the messenger accounts) with their ban and block state. */
public interface AccountDirectory {
  List<AccountView> accountsOf(ConnectionId connection);

  /**
   * One account as the admin sees it.
   *
   * @param banned the account's line is switched off in 1C-Connect (F9); read live from the
   *     platform
   * @param blocked the user blocked the bot (F11)
   * @param lastActivity when a message of the account was last relayed, either way (to the minute)
   */
  record AccountView(
      ChannelAccount account, boolean banned, boolean blocked, Optional<Instant> lastActivity) {
    public AccountView {
      Objects.requireNonNull(account, "account");
      Objects.requireNonNull(lastActivity, "lastActivity");
    }
  }
}
