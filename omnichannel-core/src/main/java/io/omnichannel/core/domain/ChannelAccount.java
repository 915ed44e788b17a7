package io.omnichannel.core.domain;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One user of a line behind a messenger chat: a private user, or a whole group in one membership
 * epoch (removing and re-adding the bot starts a new epoch, hence a new account, F10), or one topic
 * of a group with topics in one such epoch (B9). It is known by (chat, topic, epoch).
 *
 * @param topic the group's topic the account stands for; empty for a private chat, a group, and a
 *     group's general topic
 * @param displayName the name at first contact (renames are not propagated, per the source)
 * @param username the messenger's @username, kept as a detail, may be empty
 * @param platformUser the client user registered in the technical client
 * @param blockedSince when the messenger told us the user blocked the bot (F11)
 * @param leftAt when the bot was removed from the group: the epoch is over, the next contact opens
 *     a new one
 * @param bannedSince when the gateway learnt that the account's line is switched off in 1C-Connect
 *     (F9): from a subscription event, a refused delivery or the periodic reconcile
 */
public record ChannelAccount(
    AccountId id,
    ConnectionId connection,
    ChatId chat,
    Optional<ForumTopic> topic,
    ChatKind kind,
    int epoch,
    String displayName,
    Optional<String> username,
    PlatformUserId platformUser,
    Instant createdAt,
    Optional<Instant> blockedSince,
    Optional<Instant> leftAt,
    Optional<Instant> bannedSince) {

  public ChannelAccount {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(connection, "connection");
    Objects.requireNonNull(chat, "chat");
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(kind, "kind");
    checkArgument(topic.isEmpty() || kind == ChatKind.GROUP, "only a group has topics");
    checkArgument(epoch >= 1, "epoch starts at 1");
    checkArgument(displayName != null && !displayName.isBlank(), "account name must not be blank");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(platformUser, "platformUser");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(blockedSince, "blockedSince");
    Objects.requireNonNull(leftAt, "leftAt");
    Objects.requireNonNull(bannedSince, "bannedSince");
  }

  /** An account of a whole chat, outside topics. */
  public static ChannelAccount opened(
      AccountId id,
      ConnectionId connection,
      ChatId chat,
      ChatKind kind,
      int epoch,
      String displayName,
      Optional<String> username,
      PlatformUserId platformUser,
      Instant at) {
    return opened(
        id,
        connection,
        chat,
        Optional.empty(),
        kind,
        epoch,
        displayName,
        username,
        platformUser,
        at);
  }

  public static ChannelAccount opened(
      AccountId id,
      ConnectionId connection,
      ChatId chat,
      Optional<ForumTopic> topic,
      ChatKind kind,
      int epoch,
      String displayName,
      Optional<String> username,
      PlatformUserId platformUser,
      Instant at) {
    return new ChannelAccount(
        id,
        connection,
        chat,
        topic,
        kind,
        epoch,
        displayName,
        username,
        platformUser,
        at,
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  /** The topic's id, the part of the account's key beside the chat. */
  public Optional<TopicId> topicId() {
    return topic.map(ForumTopic::id);
  }

  public boolean isOpen() {
    return leftAt.isEmpty();
  }

  public boolean isBlocked() {
    return blockedSince.isPresent();
  }

  public ChannelAccount blockedAt(Instant at) {
    return with(connection, chat, Optional.of(at), leftAt, bannedSince);
  }

  public ChannelAccount unblocked() {
    return with(connection, chat, Optional.empty(), leftAt, bannedSince);
  }

  public ChannelAccount leftAt(Instant at) {
    return with(connection, chat, blockedSince, Optional.of(at), bannedSince);
  }

  /**
   * The account now answers to another connection of the same bot in the same company: a reconnect
   * keeps the user (#11).
   */
  public ChannelAccount adoptedBy(ConnectionId newConnection) {
    return with(newConnection, chat, blockedSince, leftAt, bannedSince);
  }

  /** B8: a group that became a supergroup keeps its account under the new chat id. */
  public ChannelAccount movedTo(ChatId newChat) {
    return with(connection, newChat, blockedSince, leftAt, bannedSince);
  }

  public boolean isBanned() {
    return bannedSince.isPresent();
  }

  /** Banned since {@code at}; an account already banned keeps its first date. */
  public ChannelAccount bannedAt(Instant at) {
    if (isBanned()) {
      return this;
    }
    return with(connection, chat, blockedSince, leftAt, Optional.of(at));
  }

  public ChannelAccount unbanned() {
    return with(connection, chat, blockedSince, leftAt, Optional.empty());
  }

  /** This account with what may change after it was opened; the rest stays. */
  private ChannelAccount with(
      ConnectionId connection,
      ChatId chat,
      Optional<Instant> blockedSince,
      Optional<Instant> leftAt,
      Optional<Instant> bannedSince) {
    return new ChannelAccount(
        id,
        connection,
        chat,
        topic,
        kind,
        epoch,
        displayName,
        username,
        platformUser,
        createdAt,
        blockedSince,
        leftAt,
        bannedSince);
  }
}
