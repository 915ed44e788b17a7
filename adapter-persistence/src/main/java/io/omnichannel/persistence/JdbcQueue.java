package io.omnichannel.persistence;

import io.omnichannel.core.domain.DeadLetter;
import io.omnichannel.core.domain.failure.ClaimLost;
import io.omnichannel.core.port.out.Claimed;
import io.omnichannel.core.port.out.DueRows;
import io.omnichannel.core.port.out.QueueBacklog;
import io.omnichannel.core.port.out.WorkQueue;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The claim, lease and retry bookkeeping shared by the inbox and the outbox tables (B1).
 *
 * <p>A claim (each table's own) reads the oldest rows that are due, not under a live lease, and the
 * heads of their ordering keys (no older unfinished row of the same key), without a lock; the lease
 * is then written by a conditional UPDATE in auto-commit that re-checks the lease, so a row another
 * worker took meanwhile is passed over, never handed to two. The embedded H2 database is opened by
 * one process only (its file lock), so it serves a single instance anyway.
 *
 * <p>Each claim writes who holds the row ({@code claimed_by}, the instance's name) and a random
 * {@code claim_token}; every later write to the row names the token in its WHERE clause, in the
 * same one statement it always was. A write whose token no longer matches (the lease ran out and
 * another worker took the row) changes nothing, is logged and throws {@link ClaimLost}.
 */
abstract class JdbcQueue<T> implements WorkQueue<T>, QueueBacklog, DueRows {
  private static final Logger LOG = LoggerFactory.getLogger(JdbcQueue.class);
  private static final int REASON_MAX = 1000;

  private final Db db;
  private final Clock clock;
  private final String table;
  private final String instanceId;
  private final String storedAtColumn;
  private final String handedOverSql;
  private final String giveBackSql;

  JdbcQueue(Db db, Clock clock, String table, String storedAtColumn, String instanceId) {
    this.db = db;
    this.clock = clock;
    this.table = table;
    this.storedAtColumn = storedAtColumn;
    this.instanceId = instanceId;
    this.handedOverSql = handedOverSql(table);
    this.giveBackSql =
        ("UPDATE %s SET leased_until = NULL, claim_token = NULL, attempts = attempts - 1"
                + " WHERE id = ? AND claim_token = ? AND finished = FALSE")
            .formatted(table);
  }

  /**
   * The oldest claimable rows of {@code table} (due, free, each the head of its ordering key), at
   * most {@code limit}, read without a lock: the caller's conditional lease then takes those still
   * free, so a row another worker took meanwhile is passed over, never handed to two.
   *
   * <p>The rows are found in the index on (finished, id, …) alone — it holds every column the
   * conditions read — and only those found are read whole: under a backlog a claim passes over
   * hundreds of rows (of a sender at its limit, not due, leased, behind another of their chat),
   * each of them a lookup of the whole row before. The cheap conditions come first, the look for an
   * older row of the chat last. Ordered by the whole of the index: H2 then reads it in order and
   * stops at the limit, where {@code ORDER BY id} made it read and sort every unfinished row. Named
   * too: MariaDB otherwise prefers the outbox's index on due times for {@code due_at <= ?}.
   */
  static String headsSql(String table, int limit) {
    return headsSql(table, limit, "");
  }

  /** {@link #headsSql(String, int)} with one more condition on the head row {@code q}. */
  static String headsSql(String table, int limit, String andAlso) {
    return """
        SELECT r.* FROM (
          SELECT q.id FROM %1$s q USE INDEX (ix_%1$s_heads)
           WHERE q.finished = FALSE AND q.due_at <= ? AND (q.leased_until IS NULL OR q.leased_until <= ?)%3$s
             AND NOT EXISTS (SELECT 1 FROM %1$s o WHERE o.ordering_key = q.ordering_key AND o.finished = FALSE
                                                     AND o.id < q.id)
           ORDER BY q.finished, q.id
           LIMIT %2$d) heads
        JOIN %1$s r ON r.id = heads.id
        ORDER BY r.id
        """
        .formatted(table, limit, andAlso);
  }

  /** Whether a row handed over as it was stored is still held by its claim and heads its key. */
  private static String handedOverSql(String table) {
    return """
        SELECT 1 FROM %1$s q
         WHERE q.id = ? AND q.claim_token = ?
           AND NOT EXISTS (SELECT 1 FROM %1$s o WHERE o.ordering_key = q.ordering_key AND o.finished = FALSE
                                                   AND o.id < q.id)
        """
        .formatted(table);
  }

  /** The item stored in the row. */
  abstract T item(ResultSet row) throws SQLException;

  Db db() {
    return db;
  }

  Clock clock() {
    return clock;
  }

  String instanceId() {
    return instanceId;
  }

  static long newToken() {
    return ThreadLocalRandom.current().nextLong();
  }

  /**
   * Whether a row claimed as it was stored may be worked on now: it is still held by that claim and
   * no older row of its ordering key is unfinished (one statement, a read). A row that must wait
   * its turn is given back, as if never claimed; false then, and false when the claim is gone.
   */
  boolean takeHandedOver(Claimed<T> claimed) {
    if (isHandedOver(claimed)) {
      return true;
    }
    giveBack(claimed);
    return false;
  }

  /** Gives a claimed row back untouched, as if never claimed (no attempt counted). */
  void giveBack(Claimed<T> claimed) {
    db.update(giveBackSql, claimed.id(), claimed.token());
  }

  /** Whether the row is still held by the claim and heads its key (a read, nothing changed). */
  boolean isHandedOver(Claimed<T> claimed) {
    return db.queryOne(handedOverSql, row -> true, claimed.id(), claimed.token()).isPresent();
  }

  @Override
  public boolean renew(Claimed<T> claimed, Instant until) {
    return db.update(
            "UPDATE %s SET leased_until = ? WHERE id = ? AND claim_token = ?".formatted(table),
            Micros.of(until),
            claimed.id(),
            claimed.token())
        == 1;
  }

  @Override
  public void complete(Claimed<T> claimed) {
    expectHeld(
        claimed,
        "completion",
        db.update(
            ("UPDATE %s SET finished = TRUE, completed_at = ?, leased_until = NULL, "
                    + "claim_token = NULL WHERE id = ? AND claim_token = ?")
                .formatted(table),
            Micros.of(clock.instant()),
            claimed.id(),
            claimed.token()));
  }

  @Override
  public void retryAt(Claimed<T> claimed, Instant next, String reason) {
    expectHeld(
        claimed,
        "retry",
        db.update(
            ("UPDATE %s SET due_at = ?, leased_until = NULL, claim_token = NULL, last_error = ? "
                    + "WHERE id = ? AND claim_token = ?")
                .formatted(table),
            Micros.of(next),
            Text.clip(reason, REASON_MAX),
            claimed.id(),
            claimed.token()));
  }

  /** A rate limit's wait is no failed attempt: the claim that met it is given back. */
  @Override
  public void postpone(Claimed<T> claimed, Instant next, String reason) {
    expectHeld(
        claimed,
        "postponement",
        db.update(
            ("UPDATE %s SET due_at = ?, leased_until = NULL, claim_token = NULL, last_error = ?, "
                    + "attempts = attempts - 1 WHERE id = ? AND claim_token = ?")
                .formatted(table),
            Micros.of(next),
            Text.clip(reason, REASON_MAX),
            claimed.id(),
            claimed.token()));
  }

  @Override
  public void bury(Claimed<T> claimed, String reason) {
    expectHeld(
        claimed,
        "burial",
        db.update(
            ("UPDATE %s SET finished = TRUE, dead_reason = ?, leased_until = NULL, "
                    + "claim_token = NULL WHERE id = ? AND claim_token = ?")
                .formatted(table),
            Text.clip(reason, REASON_MAX),
            claimed.id(),
            claimed.token()));
  }

  /**
   * Frees the rows a previous run left claimed, at start: those claimed under this instance's name
   * (a process killed under it holds nothing any more), or, with {@code everyone}, all of them (the
   * embedded database, which one process at a time can open). Returns how many.
   */
  int releaseLeftClaims(boolean everyone) {
    String sql =
        "UPDATE %s SET leased_until = NULL, claim_token = NULL WHERE finished = FALSE AND claim_token IS NOT NULL"
            .formatted(table);
    return everyone ? db.update(sql) : db.update(sql + " AND claimed_by = ?", instanceId);
  }

  /** Rows parked dead, newest first, for the admin side. */
  List<DeadLetter> deadLetters(int limit) {
    DeadLetter.Queue queue = DeadLetter.Queue.valueOf(table.toUpperCase(Locale.ROOT));
    return db.query(
        """
        SELECT id, ordering_key, attempts, dead_reason, last_error FROM %s
         WHERE dead_reason IS NOT NULL ORDER BY id DESC LIMIT ?
        """
            .formatted(table),
        row ->
            new DeadLetter(
                new DeadLetter.Id(queue, row.getLong("id")),
                row.getString("ordering_key"),
                row.getInt("attempts"),
                row.getString("dead_reason"),
                Optional.ofNullable(row.getString("last_error"))),
        limit);
  }

  /**
   * Unfinished rows and the oldest one's storing time; both read from the index on (finished, id)
   * but for one row (ids grow with time, so the oldest is the first), cheap enough for each scrape.
   */
  @Override
  public Backlog backlog() {
    long pending =
        db.queryOne(
                "SELECT COUNT(*) AS pending FROM %s WHERE finished = FALSE".formatted(table),
                row -> row.getLong("pending"))
            .orElse(0L);
    if (pending == 0) {
      return Backlog.empty();
    }
    Optional<Instant> oldest =
        db.queryOne(
            "SELECT %s AS stored_at FROM %s WHERE finished = FALSE ORDER BY finished, id LIMIT 1"
                .formatted(storedAtColumn, table),
            row -> Micros.instant(row, "stored_at"));
    return new Backlog(pending, oldest);
  }

  /**
   * One read of the unfinished rows (the index on (finished, id)), the minimum of their due times.
   */
  @Override
  public Optional<Instant> nextDueAfter(Instant now) {
    return db.queryOne(
            "SELECT MIN(due_at) AS next_due FROM %s WHERE finished = FALSE AND due_at > ?"
                .formatted(table),
            row -> Micros.optionalInstant(row, "next_due"),
            Micros.of(now))
        .flatMap(next -> next);
  }

  /**
   * A dead row is due again at {@code now} with no attempt counted; why it died stays as its last
   * error. Assignments read the row as it was (H2) or left to right (MariaDB): the same here.
   */
  boolean requeue(long id, Instant now) {
    return db.update(
            """
            UPDATE %s SET last_error = dead_reason, dead_reason = NULL, finished = FALSE, attempts = 0,
                   due_at = ?, leased_until = NULL, claim_token = NULL
             WHERE id = ? AND dead_reason IS NOT NULL
            """
                .formatted(table),
            Micros.of(now),
            id)
        == 1;
  }

  /** A dead row is settled as completed, and purged with the completed ones. */
  boolean discard(long id, Instant now) {
    return db.update(
            """
            UPDATE %s SET last_error = dead_reason, dead_reason = NULL, completed_at = ?
             WHERE id = ? AND dead_reason IS NOT NULL
            """
                .formatted(table),
            Micros.of(now),
            id)
        == 1;
  }

  /** Deletes completed rows finished before {@code before}; dead rows stay for the admin. */
  int purgeCompleted(Instant before) {
    return db.update(
        "DELETE FROM %s WHERE finished = TRUE AND dead_reason IS NULL AND completed_at < ?"
            .formatted(table),
        Micros.of(before));
  }

  void expectHeld(Claimed<T> claimed, String what, int updated) {
    if (updated != 1) {
      LOG.warn(
          "{} row {}: {} by a claim no longer held ignored (its lease ran out and another worker"
              + " took the row, or it was finished)",
          table,
          claimed.id(),
          what);
      throw new ClaimLost(table + " row " + claimed.id() + " is no longer held by this claim");
    }
  }
}
