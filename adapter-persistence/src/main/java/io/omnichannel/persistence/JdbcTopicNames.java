package io.omnichannel.persistence;

import io.omnichannel.core.domain.ChatId;
import io.omnichannel.core.domain.ConnectionId;
import io.omnichannel.core.domain.TopicId;
import io.omnichannel.core.port.out.TopicNames;
import java.time.Clock;
import java.util.Optional;

/**
 * The topics' latest names (B9), one row per (connection, chat, topic); a lookup by a connection
 * takes the newest name any connection of the same bot learnt, as accounts do (#11).
 */
final class JdbcTopicNames implements TopicNames {
  /** What the column holds; Telegram's topic names hold 128. */
  private static final int NAME_MAX = 255;

  private static final String UPDATE =
      """
      UPDATE topic_names SET name = ?, named_at = ?
       WHERE connection_id = ? AND chat_id = ? AND topic_id = ?
      """;
  private static final String INSERT =
      """
      INSERT INTO topic_names (name, named_at, connection_id, chat_id, topic_id)
      VALUES (?, ?, ?, ?, ?)
      """;

  private final Db db;
  private final Clock clock;

  JdbcTopicNames(Db db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  @Override
  public Optional<String> current(ConnectionId connection, ChatId chat, TopicId topic) {
    return db
        .query(
            "SELECT name FROM topic_names WHERE chat_id = ? AND topic_id = ? AND "
                + JdbcAccounts.SAME_BOT
                + "ORDER BY named_at DESC LIMIT 1",
            row -> row.getString(1),
            chat.value(),
            topic.value(),
            connection.value())
        .stream()
        .findFirst();
  }

  @Override
  public void remember(ConnectionId connection, ChatId chat, TopicId topic, String name) {
    Upserts.updateOrInsert(
        db,
        UPDATE,
        INSERT,
        Text.clip(name, NAME_MAX),
        Micros.of(clock.instant()),
        connection.value(),
        chat.value(),
        topic.value());
  }
}
