package io.omnichannel.persistence;

import io.omnichannel.core.domain.AccountId;
import io.omnichannel.core.domain.ChatId;
import io.omnichannel.core.domain.ConnectionId;
import io.omnichannel.core.domain.OutboxMessage;
import io.omnichannel.core.port.out.Outbox;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;

/**
 * Sends to messenger chats, in per-chat order; the post is stored as compact JSON (file refs only).
 */
final class JdbcOutbox extends JdbcQueue<OutboxMessage> implements Outbox {
  private static final String INSERT =
      """
      INSERT INTO outbox (connection_id, chat_id, account_id, source_event_id, post, ordering_key, enqueued_at,
          due_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, 0)
      """;

  JdbcOutbox(Db db, Clock clock, String instanceId) {
    super(db, clock, "outbox", "enqueued_at", instanceId);
  }

  @Override
  public void enqueue(OutboxMessage m) {
    db().update(
            INSERT,
            m.connection().value(),
            m.chat().value(),
            m.account().value(),
            m.sourceEventId(),
            OutboundPostJson.write(m.post()),
            m.orderingKey(),
            Micros.of(clock().instant()));
  }

  @Override
  OutboxMessage item(ResultSet row) throws SQLException {
    return new OutboxMessage(
        new ConnectionId(row.getString("connection_id")),
        new ChatId(row.getString("chat_id")),
        new AccountId(row.getString("account_id")),
        OutboundPostJson.read(row.getString("post")),
        row.getString("source_event_id"));
  }
}
