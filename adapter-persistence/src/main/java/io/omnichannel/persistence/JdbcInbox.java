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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Inbound events, one row per source event id (uq_inbox_event); stored before they are
 * acknowledged.
 */
final class JdbcInbox extends JdbcQueue<InboundRecord> implements EventInbox {
  private static final Logger LOG = LoggerFactory.getLogger(JdbcInbox.class);

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

  /** Claim and lease in one statement, in auto-commit; it re-checks that each row is still free. */
  private static final String LEASE_ROWS =
      """
      UPDATE inbox SET leased_until = ?, attempts = attempts + 1, claimed_by = ?, claim_token = ?
       WHERE id IN (%s) AND finished = FALSE AND due_at <= ? AND (leased_until IS NULL OR leased_until <= ?)
      """;

  /** Which of the rows the claim got, when it did not get all (another worker took some). */
  private static final String LEASED_BY =
      "SELECT id FROM inbox WHERE id IN (%s) AND claim_token = ?";

  private static final String COMPLETE =
      """
      UPDATE inbox SET finished = TRUE, completed_at = ?, leased_until = NULL, claim_token = NULL
       WHERE id = ? AND claim_token = ?
      """;

  /**
   * The completions waiting to share a commit, all in one statement: the ids pick the rows by key,
   * each pair re-checks that its claim still holds its row (one claim's rows share a token).
   */
  private static final String COMPLETE_HELD =
      """
      UPDATE inbox SET finished = TRUE, completed_at = ?, leased_until = NULL, claim_token = NULL
       WHERE id IN (%s) AND (%s)
      """;

  /** Most rows one claim takes. */
  static final int CLAIM_MAX = 32;

  /**
   * Most completions one statement writes: each count is a statement text of its own, which the
   * drivers' caches of parsed statements keep.
   */
  private static final int COMPLETIONS_AT_ONCE = 16;

  /** Most writes in one commit. */
  private static final int BATCH_MAX = 64;

  /** How often a claim whose rows all went to other workers meanwhile looks again at once. */
  private static final int CLAIM_ATTEMPTS = 3;

  /**
   * How long a completion waits for another write to share its commit before it is written alone:
   * at 100 messages a second the next store comes within it.
   */
  private static final Duration COMPLETION_LINGER = Duration.ofMillis(20);

  private final Sealing sealing;
  private final GroupCommit stores;

  /**
   * Whether a claim's lease is written at once in auto-commit rather than with the next batch: on a
   * server, queued behind the webhooks' batches of stores it held every worker up for a batch's
   * round trips; the embedded database writes a batch without a round trip, and a commit less.
   */
  private final boolean leasesAlone;

  /**
   * A row was stored unclaimed or given back while others were worked on: a claim may pass it over
   * while the completion of the row before it waits, so the workers are woken once completions are
   * written.
   */
  private final AtomicBoolean rowsBehind = new AtomicBoolean();

  private volatile Runnable rowsFreed = () -> {};

  /** Completions queued by {@link #completeSoon}, written together by the next rider to run. */
  private final Queue<Claimed<InboundRecord>> toComplete = new ConcurrentLinkedQueue<>();

  /**
   * @param batchesAtOnce batches written at a time (connections the inbox's writes take at most
   *     while they queue)
   * @param leasesAlone whether claims write their leases at once rather than with the next batch
   */
  JdbcInbox(
      Db db,
      Clock clock,
      Sealing sealing,
      String instanceId,
      int batchesAtOnce,
      boolean leasesAlone,
      ScheduledExecutorService lingering) {
    super(db, clock, "inbox", "received_at", instanceId);
    this.sealing = sealing;
    this.leasesAlone = leasesAlone;
    this.stores =
        new GroupCommit(
            db,
            BATCH_MAX,
            batchesAtOnce,
            Optional.of(
                new GroupCommit.Linger(lingering, COMPLETION_LINGER, this::completionsWritten)));
  }

  /**
   * Runs {@code wake} after completions were written that a claim may have found missing: rows of
   * their chats behind them were passed over then.
   */
  void whenRowsFreed(Runnable wake) {
    this.rowsFreed = wake;
  }

  private void completionsWritten() {
    if (rowsBehind.getAndSet(false)) {
      rowsFreed.run();
    }
  }

  /**
   * A row behind one of its chat whose completion waits to be written is let through once that is
   * written: the completions are flushed and it is asked again.
   */
  @Override
  boolean takeHandedOver(Claimed<InboundRecord> claimed) {
    if (isHandedOver(claimed)) {
      return true;
    }
    if (flushCompletions() && isHandedOver(claimed)) {
      return true;
    }
    giveBack(claimed);
    rowsBehind.set(true);
    return false;
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

  /**
   * Stores the event; events stored by several threads at once share one commit ({@link
   * GroupCommit}), and each call returns only once its event is committed.
   */
  @Override
  public boolean store(InboundRecord r) {
    boolean stored = stores.run(() -> insert(INSERT, r)).isPresent();
    if (stored) {
      rowsBehind.set(true);
    }
    return stored;
  }

  /**
   * Completes the row in one statement; completions and stores of several threads at once share a
   * commit ({@link GroupCommit}). Inside a transaction of the caller's, it joins that one.
   */
  @Override
  public void complete(Claimed<InboundRecord> claimed) {
    if (db().inTransaction()) {
      super.complete(claimed);
      return;
    }
    long now = Micros.of(clock().instant());
    int updated = stores.run(() -> db().update(COMPLETE, now, claimed.id(), claimed.token()));
    expectHeld(claimed, "completion", updated);
  }

  /**
   * Completes the row with the next commit written anyway (a store, a claim's lease, another
   * completion), or alone after a short linger: no commit of its own under load. Every read that
   * picks the next row of a chat ({@link #claimUpTo}, {@link #takeHandedOver}, {@link
   * #neighboursSince}) writes the waiting completions first, so a completion not yet written never
   * holds up or repeats the rows behind it; only one lost in a crash makes its row handled again. A
   * completion whose claim was lost meanwhile changes nothing.
   */
  @Override
  public void completeSoon(Claimed<InboundRecord> claimed) {
    if (db().inTransaction()) {
      complete(claimed);
      return;
    }
    toComplete.add(claimed);
    stores.runSoon(this::writeQueuedCompletions);
  }

  /**
   * The completions queued so far in one UPDATE (one round trip, not one each); the riders queued
   * with them that run later find none left and write nothing.
   */
  private void writeQueuedCompletions() {
    List<Claimed<InboundRecord>> batch = new ArrayList<>();
    for (Claimed<InboundRecord> next = toComplete.poll(); next != null; next = toComplete.poll()) {
      batch.add(next);
    }
    for (int from = 0; from < batch.size(); from += COMPLETIONS_AT_ONCE) {
      List<Claimed<InboundRecord>> part =
          batch.subList(from, Math.min(batch.size(), from + COMPLETIONS_AT_ONCE));
      List<Object> params = new ArrayList<>();
      params.add(Micros.of(clock().instant()));
      part.forEach(row -> params.add(row.id()));
      part.forEach(
          row -> {
            params.add(row.id());
            params.add(row.token());
          });
      String sql =
          COMPLETE_HELD.formatted(
              String.join(",", Collections.nCopies(part.size(), "?")),
              String.join(
                  " OR ", Collections.nCopies(part.size(), "(id = ? AND claim_token = ?)")));
      int updated = db().update(sql, params.toArray());
      if (updated != part.size()) {
        LOG.warn(
            "inbox: {} of {} completions by claims no longer held ignored",
            part.size() - updated,
            part.size());
      }
    }
  }

  /**
   * Writes the completions waiting to share a commit (before a read, and at close); whether there
   * were any.
   */
  boolean flushCompletions() {
    return stores.flush();
  }

  /** The next claimable row, claimed and leased by one statement (see {@link #claimUpTo}). */
  @Override
  public Optional<Claimed<InboundRecord>> claimNext(Instant now, Duration lease) {
    return claimUpTo(now, lease, 1).stream().findFirst();
  }

  /**
   * Claims up to {@code max} rows, oldest first, each the head of its ordering key (so no two of
   * one key): one read of the candidates and one UPDATE in auto-commit that leases those still free
   * under one token; no transaction. When another worker took some of them between the two, one
   * more read by primary key tells which this claim got. Empty when nothing is claimable.
   */
  List<Claimed<InboundRecord>> claimUpTo(Instant now, Duration lease, int max) {
    // waiting completions are not flushed for a claim (a commit each time a worker looks for more):
    // a row behind one of them is claimed once it rode with the next write, see rowsBehind
    return claimHeads(now, lease, max);
  }

  private List<Claimed<InboundRecord>> claimHeads(Instant now, Duration lease, int max) {
    int limit = Math.max(1, Math.min(max, CLAIM_MAX));
    long nowMicros = Micros.of(now);
    for (int attempt = 1; ; attempt++) {
      long token = newToken();
      List<Claimed<InboundRecord>> heads =
          db().query(
                  headsSql("inbox", limit),
                  row ->
                      new Claimed<>(
                          row.getLong("id"), item(row), row.getInt("attempts") + 1, token),
                  nowMicros,
                  nowMicros);
      if (heads.isEmpty()) {
        return heads;
      }
      String ids = String.join(",", Collections.nCopies(heads.size(), "?"));
      List<Object> params = new ArrayList<>();
      params.add(Micros.of(now.plus(lease)));
      params.add(instanceId());
      params.add(token);
      heads.forEach(head -> params.add(head.id()));
      params.add(nowMicros);
      params.add(nowMicros);
      Supplier<Integer> leaseRows = () -> db().update(LEASE_ROWS.formatted(ids), params.toArray());
      int leased = leasesAlone ? leaseRows.get() : stores.run(leaseRows);
      if (leased == heads.size()) {
        return heads;
      }
      if (leased > 0) {
        List<Object> keys = new ArrayList<>();
        heads.forEach(head -> keys.add(head.id()));
        keys.add(token);
        Set<Long> got =
            new HashSet<>(
                db().query(LEASED_BY.formatted(ids), row -> row.getLong("id"), keys.toArray()));
        return heads.stream().filter(head -> got.contains(head.id())).toList();
      }
      if (attempt >= CLAIM_ATTEMPTS) {
        return List.of();
      }
    }
  }

  /**
   * Stores the event already claimed by this instance, for a worker of it that waits idle: the
   * claim costs no statement of its own. Empty when the same event was stored before. The worker
   * still asks {@link #takeHandedOver} before it works on the row: a row stored behind an
   * unfinished one of its chat must wait its turn.
   */
  Optional<Claimed<InboundRecord>> storeClaimed(InboundRecord r, Instant now, Duration lease) {
    long token = newToken();
    OptionalLong id =
        stores.run(
            () -> insert(INSERT_CLAIMED, r, Micros.of(now.plus(lease)), instanceId(), token));
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
    flushCompletions();
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
