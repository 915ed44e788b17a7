package io.omnichannel.persistence;

import io.omnichannel.core.domain.ConnectionId;
import io.omnichannel.core.domain.InboundKind;
import io.omnichannel.core.domain.InboundRecord;
import io.omnichannel.core.port.out.EventInbox;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;

/**
 * Inbound events, one row per source event id (uq_inbox_event); stored before they are
 * acknowledged.
 */
final class JdbcInbox extends JdbcQueue<InboundRecord> implements EventInbox {
  private static final String INSERT =
      """
      INSERT INTO inbox (event_id, kind, connection_id, ordering_key, payload, received_at, due_at)
      VALUES (?, ?, ?, ?, ?, ?, 0)
      """;

  JdbcInbox(Db db, Clock clock, String instanceId) {
    super(db, clock, "inbox", instanceId);
  }

  @Override
  public boolean store(InboundRecord r) {
    try {
      db().update(
              INSERT,
              r.eventId(),
              r.kind().name(),
              r.connection().map(ConnectionId::value).orElse(null),
              r.orderingKey(),
              r.payload(),
              Micros.of(r.receivedAt()));
      return true;
    } catch (SqlErrors.DuplicateRow duplicate) {
      if (duplicate.is(SqlErrors.INBOX_EVENT)) {
        return false;
      }
      throw duplicate;
    }
  }

  @Override
  InboundRecord item(ResultSet row) throws SQLException {
    return new InboundRecord(
        InboundKind.valueOf(row.getString("kind")),
        Rows.optionalString(row, "connection_id").map(ConnectionId::new),
        row.getString("event_id"),
        row.getString("ordering_key"),
        row.getString("payload"),
        Micros.instant(row, "received_at"));
  }
}
