package io.omnichannel.core.port.in;

import io.omnichannel.core.domain.ConnectionId;

/**
 * Where adapters hand in what arrives (B1): each call returns only after the event is stored, so
 * the adapter may acknowledge it then and not before.
 */
public interface InboundGateway {

  /**
   * A messenger update POSTed to a connection's webhook, with the secret the messenger presented.
   */
  Acceptance acceptWebhookUpdate(ConnectionId connection, String presentedSecret, RawEvent update);

  /** A messenger update fetched by long polling (no secret: we asked for it). */
  Acceptance acceptPolledUpdate(ConnectionId connection, RawEvent update);

  /** A 1C-Connect event POSTed to a connected line's hook, with the back-auth it presented. */
  Acceptance acceptLineEvent(
      ConnectionId connection, String login, String password, RawEvent event);

  /** A 1C-Connect event of the channel-management line. */
  Acceptance acceptManagementEvent(String login, String password, RawEvent event);

  enum Acceptance {
    STORED,
    /** Stored before: a redelivery, acknowledged without a second row. */
    DUPLICATE,
    /** Wrong or missing secret or credentials: nothing stored. */
    UNAUTHORIZED,
    /** No such connection: nothing stored. */
    UNKNOWN_CONNECTION,
    /** The connection was disconnected: acknowledged and dropped, so the sender stops retrying. */
    DISCONNECTED
  }
}
