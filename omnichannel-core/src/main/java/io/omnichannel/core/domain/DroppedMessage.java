package io.omnichannel.core.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A message the gateway deliberately did not deliver, and why. */
public record DroppedMessage(
    ConnectionId connection,
    Optional<AccountId> account,
    Direction direction,
    DropReason reason,
    String sourceEventId,
    Instant at) {
  public DroppedMessage {
    Objects.requireNonNull(connection, "connection");
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(sourceEventId, "sourceEventId");
    Objects.requireNonNull(at, "at");
  }

  public enum DropReason {
    /** The account's line is switched off (F9). */
    BANNED,
    /** The user blocked the bot, or the bot left the group (F11). */
    BOT_BLOCKED,
    /** The connection was disconnected (F4). */
    DISCONNECTED,
    /** The company's tariff option is off (F12). */
    TARIFF_OPTION_OFF,
    /** A file over the outbound size limit (F7); the specialist is told in the line. */
    TOO_LARGE,
    /** The line's user is not a channel account of the connection (nothing to send to). */
    UNKNOWN_RECIPIENT,
    /** B9: the group's topic is closed or deleted; the specialist is told in the line. */
    TOPIC_CLOSED,
    /** The messenger does not know the account's chat (any more): nothing to send to. */
    CHAT_NOT_FOUND
  }
}
