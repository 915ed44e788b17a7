package io.omnichannel.persistence;

import io.omnichannel.core.domain.ConnectionId;
import io.omnichannel.core.domain.InboundKind;
import io.omnichannel.core.domain.InboundRecord;
import io.omnichannel.core.port.out.Claimed;
import io.omnichannel.core.port.out.EventInbox;
import io.omnichannel.core.port.out.InboxNeighbour;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

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

  /** Enough for an album (at most 10 items) and what the chat stored around it. */
  private static final int NEIGHBOURS_MAX = 50;

  private static final String NEIGHBOURS =
      """
      SELECT id, event_id, kind, connection_id, ordering_key, payload, received_at, finished
        FROM inbox
       WHERE ordering_key = ? AND received_at >= ? AND id <> ?
       ORDER BY id
       LIMIT %d
      """
          .formatted(NEIGHBOURS_MAX);

  private static final String COMPLETE_GATHERED =
      """
      UPDATE inbox SET finished = TRUE, completed_at = ?
       WHERE id = ? AND ordering_key = ? AND finished = FALSE
      """;

  /** The same row, claimed by this instance as it is stored (see {@link #storeClaimed}). */
  private static final String INSERT_CLAIMED =
      """
      INSERT INTO inbox (event_id, kind, connection_id, ordering_key, payload, received_at, due_at,
          leased_until, attempts, claimed_by, claim_token)
      VALUES (?, ?, ?, ?, ?, ?, 0, ?, 1, ?, ?)
      """;

  private final Sealing sealing;

  JdbcInbox(Db db, Clock clock, Sealing sealing, String instanceId) {
    super(db, clock, "inbox", "received_at", instanceId);
    this.sealing = sealing;
  }

  /**
   * Management-line events are sealed from the start: one of them carries the bot token the
   * specialist pasted, and the row outlives its handling (completed rows for days, dead ones for
   * ever). Only the core's dialog knows which one, so all of them are sealed.
   */
  static boolean isSealed(InboundKind kind) {
    return kind == InboundKind.MANAGEMENT_EVENT;
  }

  /** Where a sealed payload lives: the event id is known before the row has its id. */
  static String context(String eventId) {
    return Sealing.context("inbox", "payload", eventId);
  }

  @Override
  public boolean store(InboundRecord r) {
    return insert(INSERT, r).isPresent();
  }

  /**
   * Stores the event already claimed by this instance, for a worker of it that waits idle: the
   * claim costs no statement of its own. Empty when the same event was stored before. The worker
   * still asks {@link #takeHandedOver} before it works on the row: a row stored behind an
   * unfinished one of its chat must wait its turn.
   */
  Optional<Claimed<InboundRecord>> storeClaimed(InboundRecord r, Instant now, Duration lease) {
    long token = newToken();
    OptionalLong id = insert(INSERT_CLAIMED, r, Micros.of(now.plus(lease)), instanceId(), token);
    return id.isPresent()
        ? Optional.of(new Claimed<>(id.getAsLong(), r, 1, token))
        : Optional.empty();
  }

  /** The new row's id; empty when the same event was stored before. */
  private OptionalLong insert(String sql, InboundRecord r, Object... claim) {
    Object[] row = {
      r.eventId(),
      r.kind().name(),
      r.connection().map(ConnectionId::value).orElse(null),
      r.orderingKey(),
      isSealed(r.kind()) ? sealing.sealText(r.payload(), context(r.eventId())) : r.payload(),
      Micros.of(r.receivedAt())
    };
    Object[] params = Arrays.copyOf(row, row.length + claim.length);
    System.arraycopy(claim, 0, params, row.length, claim.length);
    try {
      return OptionalLong.of(db().insert(sql, params));
    } catch (SqlErrors.DuplicateRow duplicate) {
      if (duplicate.is(SqlErrors.INBOX_EVENT)) {
        return OptionalLong.empty();
      }
      throw duplicate;
    }
  }

  @Override
  public List<InboxNeighbour> neighboursSince(Claimed<InboundRecord> claimed, Instant since) {
    return db().query(
            NEIGHBOURS,
            row -> new InboxNeighbour(row.getLong("id"), item(row), !row.getBoolean("finished")),
            claimed.item().orderingKey(),
            Micros.of(since),
            claimed.id());
  }

  /** Only rows queued behind the claimed one (its key, unfinished) can be completed this way. */
  @Override
  public void completeGathered(Claimed<InboundRecord> claimed, List<Long> gathered) {
    long now = Micros.of(clock().instant());
    for (long id : gathered) {
      db().update(COMPLETE_GATHERED, now, id, claimed.item().orderingKey());
    }
  }

  @Override
  InboundRecord item(ResultSet row) throws SQLException {
    InboundKind kind = InboundKind.valueOf(row.getString("kind"));
    String eventId = row.getString("event_id");
    String payload = row.getString("payload");
    return new InboundRecord(
        kind,
        Rows.optionalString(row, "connection_id").map(ConnectionId::new),
        eventId,
        row.getString("ordering_key"),
        isSealed(kind) ? sealing.openText(payload, context(eventId)) : payload,
        Micros.instant(row, "received_at"));
  }
}
