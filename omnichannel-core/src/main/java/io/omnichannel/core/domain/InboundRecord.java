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
  /** The longest event id and ordering key the store holds (its column sizes). */
  public static final int MAX_EVENT_ID = 191;

  public static final int MAX_ORDERING_KEY = 191;

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

  /**
   * Whether the store can hold it: an id longer than its column (a forged or broken event) cannot
   * be stored, now or on any retry. Counted in UTF-16 units, never fewer than the characters.
   */
  public boolean fitsTheStore() {
    return eventId.length() <= MAX_EVENT_ID
        && orderingKey.length() <= MAX_ORDERING_KEY
        && connection.map(ConnectionId::fitsTheStore).orElse(true);
  }
}
