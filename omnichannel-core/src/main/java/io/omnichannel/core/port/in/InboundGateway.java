package io.omnichannel.core.port.in;

import io.omnichannel.core.domain.ConnectionId;

/**
 * Where adapters hand in what arrives (B1): each event is stored before the call returns, so the
 * adapter may acknowledge it then and not before. A pushed event is admitted first, on what the
 * caller presented, so the adapter reads and parses a body only for a caller that may send it.
 */
public interface InboundGateway {

  /**
   * A messenger update POSTed to a connection's webhook, with the secret the messenger presented.
   */
  Admission admitWebhookUpdate(ConnectionId connection, String presentedSecret);

  /** A messenger update fetched by long polling (no secret: we asked for it). */
  Acceptance acceptPolledUpdate(ConnectionId connection, RawEvent update);

  /** A 1C-Connect event POSTed to a connected line's hook, with the back-auth it presented. */
  Admission admitLineEvent(ConnectionId connection, String login, String password);

  /** A 1C-Connect event of the channel-management line. */
  Admission admitManagementEvent(String login, String password);

  enum Acceptance {
    STORED,
    /** Stored before: a redelivery, acknowledged without a second row. */
    DUPLICATE,
    /** Wrong or missing secret or credentials: nothing stored. */
    UNAUTHORIZED,
    /** No such connection: nothing stored. */
    UNKNOWN_CONNECTION,
    /** The connection was disconnected: acknowledged and dropped, so the sender stops retrying. */
    DISCONNECTED,
    /**
     * An id (connection, event or chat) longer than any the store holds: no sender of ours makes
     * one, it can never be stored, so nothing is stored and a retry would not help.
     */
    INVALID
  }
}
