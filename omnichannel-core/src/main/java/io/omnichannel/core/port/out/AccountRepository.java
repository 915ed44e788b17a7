package io.omnichannel.core.port.out;

import io.omnichannel.core.domain.AccountId;
import io.omnichannel.core.domain.ChannelAccount;
import io.omnichannel.core.domain.ChatId;
import io.omnichannel.core.domain.ConnectionId;
import io.omnichannel.core.domain.PlatformUserId;
import io.omnichannel.core.domain.TopicId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Channel accounts: one per (bot of a company, chat, topic, membership epoch). Accounts live in the
 * bot's technical client, not in one connection of it: every lookup by a connection sees the
 * accounts of <em>every</em> connection of the same bot in the same company ({@link
 * io.omnichannel.core.domain.Connection#sameBotAs}), so a reconnect — to the same line or another —
 * finds the users it had (#11). Each account names the connection it last answered to.
 */
public interface AccountRepository {

  /**
   * The newest account of the chat's topic (empty: of the chat outside topics) among the
   * connection's bot's accounts, if it is open (the bot did not leave the group since). It may
   * still name an earlier connection of the bot.
   */
  Optional<ChannelAccount> findOpen(ConnectionId connection, ChatId chat, Optional<TopicId> topic);

  /**
   * The highest epoch the chat's topic (empty: the chat outside topics) ever had with the
   * connection's bot; 0 when it never wrote.
   */
  int lastEpoch(ConnectionId connection, ChatId chat, Optional<TopicId> topic);

  /** Every open account of the chat among the connection's bot's accounts, its topics' included. */
  List<ChannelAccount> openIn(ConnectionId connection, ChatId chat);

  Optional<ChannelAccount> find(AccountId id);

  /** The account a line's user stands for, among the connection's bot's accounts. */
  Optional<ChannelAccount> findByPlatformUser(ConnectionId connection, PlatformUserId user);

  /**
   * Stores a new account, opened by its first contact: its creation counts as its first activity
   * ({@link #touch}), so relaying that first message writes nothing more.
   *
   * @throws io.omnichannel.core.domain.failure.ConnectionRuleViolated ACCOUNT_EXISTS for a second
   *     account of one epoch
   */
  void insert(ChannelAccount account);

  /** Stores a changed account, including the connection it answers to now. */
  void update(ChannelAccount account);

  /**
   * F11: the account is blocked since {@code at} unless it already is — a compare-and-set on the
   * stored row, past any cache: the first instance to mark it sets the time, and every instance
   * (one with a stale view too) gets that time back, so all tell the same episode (once in the
   * line).
   *
   * @return the account as stored now
   */
  ChannelAccount markBlocked(AccountId account, Instant at);

  /**
   * F10, F11: the bot left the account's group at {@code at} unless it already had; like {@link
   * #markBlocked}, the first time stays and is returned.
   *
   * @return the account as stored now
   */
  ChannelAccount markLeft(AccountId account, Instant at);

  /** F11: the user wrote or restarted the bot: the block is over (only that column is written). */
  void clearBlock(AccountId account);

  /**
   * F9: the account's line is switched off since {@code at} unless it already was; like {@link
   * #markBlocked}, only that column is written, so an instance with a stale view erases no block.
   *
   * @return the account as stored now
   */
  ChannelAccount markBanned(AccountId account, Instant at);

  /** F9: the line is on again for the account (only that column is written). */
  void clearBan(AccountId account);

  /** B8: every account of the old chat id now answers to the new one. */
  void moveChat(ConnectionId connection, ChatId from, ChatId to);

  /** The technical client's users (F14): the connection's bot's accounts, newest first. */
  List<ChannelAccount> of(ConnectionId connection);

  /**
   * A message of the account was relayed at {@code at}, either way. Kept to the minute: a store may
   * skip writing a time less than a minute after the one it has.
   */
  void touch(AccountId account, Instant at);

  /** When each of the connection's bot's accounts last had a message relayed, if ever (F14). */
  Map<AccountId, Instant> lastActivity(ConnectionId connection);
}
