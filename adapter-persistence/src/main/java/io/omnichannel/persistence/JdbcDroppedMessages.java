package io.omnichannel.persistence;

import io.omnichannel.core.domain.AccountId;
import io.omnichannel.core.domain.ConnectionId;
import io.omnichannel.core.domain.Direction;
import io.omnichannel.core.domain.DroppedMessage;
import io.omnichannel.core.domain.DroppedMessage.DropReason;
import io.omnichannel.core.port.out.DroppedMessageLog;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** Messages deliberately not delivered (F9, F11), oldest first. */
final class JdbcDroppedMessages implements DroppedMessageLog {
  private static final String INSERT =
      """
      INSERT INTO dropped_messages (connection_id, account_id, direction, reason, source_event_id, dropped_at)
      VALUES (?, ?, ?, ?, ?, ?)
      """;

  private final Db db;

  JdbcDroppedMessages(Db db) {
    this.db = db;
  }

  @Override
  public void record(DroppedMessage m) {
    db.update(
        INSERT,
        m.connection().value(),
        m.account().map(AccountId::value).orElse(null),
        m.direction().name(),
        m.reason().name(),
        m.sourceEventId(),
        Micros.of(m.at()));
  }

  @Override
  public List<DroppedMessage> of(ConnectionId connection) {
    return db.query(
        "SELECT * FROM dropped_messages WHERE connection_id = ? ORDER BY id",
        JdbcDroppedMessages::map,
        connection.value());
  }

  private static DroppedMessage map(ResultSet row) throws SQLException {
    return new DroppedMessage(
        new ConnectionId(row.getString("connection_id")),
        Rows.optionalString(row, "account_id").map(AccountId::new),
        Direction.valueOf(row.getString("direction")),
        DropReason.valueOf(row.getString("reason")),
        row.getString("source_event_id"),
        Micros.instant(row, "dropped_at"));
  }
}
