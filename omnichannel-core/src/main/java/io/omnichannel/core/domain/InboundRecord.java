package io.omnichannel.core.domain;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An event exactly as it arrived, stored before it is acknowledged (B1) and decoded by its adapter
 * when a worker handles it.
 *
 * @param eventId unique per source event ("tg:<bot>:<update_id>", "1c:<message_id>"): a redelivery
 *     is a duplicate
 * @param orderingKey events with the same key are handled one at a time, oldest first (per-chat
 *     order)
 * @param connection the connection it belongs to; empty for the management line
 */
public record InboundRecord(
    InboundKind kind,
    Optional<ConnectionId> connection,
    String eventId,
    String orderingKey,
    String payload,
    Instant receivedAt) {
  public InboundRecord {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(connection, "connection");
    checkArgument(
        kind == InboundKind.MANAGEMENT_EVENT || connection.isPresent(),
        "a connection's event names it");
    checkArgument(eventId != null && !eventId.isBlank(), "event id must not be blank");
    checkArgument(orderingKey != null && !orderingKey.isBlank(), "ordering key must not be blank");
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(receivedAt, "receivedAt");
  }
}
