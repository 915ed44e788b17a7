package io.omnichannel.persistence;

/** Inbox rows written straight through a {@link Db}, for tests of how writes share commits. */
final class RawInbox {
  private RawInbox() {}

  /** A minimal unclaimed inbox row of its own chat; its generated id. */
  static long insert(Db raw, String eventId) {
    return raw.insert(
        "INSERT INTO inbox (event_id, kind, connection_id, ordering_key, payload, received_at,"
            + " due_at) VALUES (?, 'CHANNEL_UPDATE', 'conn-1', ?, '{}', 0, 0)",
        eventId,
        "chat-" + eventId);
  }
}
