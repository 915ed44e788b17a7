package io.omnichannel.core.domain;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;

/**
 * One send to a messenger chat, waiting in the outbox. Sends to the same chat leave in the order
 * they were enqueued.
 *
 * @param sourceEventId the inbound event that caused it, for tracing and de-duplication
 */
public record OutboxMessage(
    ConnectionId connection,
    ChatId chat,
    AccountId account,
    OutboundPost post,
    String sourceEventId) {
  public OutboxMessage {
    Objects.requireNonNull(connection, "connection");
    Objects.requireNonNull(chat, "chat");
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(post, "post");
    checkArgument(
        sourceEventId != null && !sourceEventId.isBlank(), "source event id must not be blank");
  }

  /** Per-chat ordering key of the outbox. */
  public String orderingKey() {
    return connection.value() + "/" + chat.value();
  }
}
