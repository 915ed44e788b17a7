package io.omnichannel.core.port.out;

import io.omnichannel.core.domain.AccountId;
import io.omnichannel.core.domain.ChannelAccount;
import io.omnichannel.core.domain.ChatId;
import io.omnichannel.core.domain.ConnectionId;
import io.omnichannel.core.domain.PlatformUserId;
import java.util.List;
import java.util.Optional;

/** Channel accounts: one per (connection, chat, membership epoch). */
public interface AccountRepository {

  /** The chat's account of the current epoch, unless the bot left the group since. */
  Optional<ChannelAccount> findOpen(ConnectionId connection, ChatId chat);

  /** The highest epoch the chat ever had on this connection; 0 when it never wrote. */
  int lastEpoch(ConnectionId connection, ChatId chat);

  Optional<ChannelAccount> find(AccountId id);

  /** The account a line's user stands for. */
  Optional<ChannelAccount> findByPlatformUser(ConnectionId connection, PlatformUserId user);

  /**
   * @throws io.omnichannel.core.domain.failure.ConnectionRuleViolated ACCOUNT_EXISTS for a second
   *     account of one epoch
   */
  void insert(ChannelAccount account);

  void update(ChannelAccount account);

  /** B8: every account of the old chat id now answers to the new one. */
  void moveChat(ConnectionId connection, ChatId from, ChatId to);

  /** The technical client's users (F14), newest first. */
  List<ChannelAccount> of(ConnectionId connection);
}
