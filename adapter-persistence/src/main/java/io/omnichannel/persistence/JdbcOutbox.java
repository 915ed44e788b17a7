package io.omnichannel.persistence;

import io.omnichannel.core.domain.AccountId;
import io.omnichannel.core.domain.ChatId;
import io.omnichannel.core.domain.ConnectionId;
import io.omnichannel.core.domain.OutboxMessage;
import io.omnichannel.core.port.out.Claimed;
import io.omnichannel.core.port.out.ClosedSenders;
import io.omnichannel.core.port.out.Outbox;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends to messenger chats, in per-chat order; the post is stored as compact JSON (file refs only).
 *
 * <p>A claim is one read of the claimable heads and one conditional UPDATE in auto-commit (no
 * transaction, no lock); completions and claims' leases of several workers at once share one commit
 * with the sending budget's settles ({@link GroupCommit}).
 */
final class JdbcOutbox extends JdbcQueue<OutboxMessage> implements Outbox, ClosedSenders {
  private static final String INSERT =
      """
      INSERT INTO outbox (connection_id, chat_id, account_id, source_event_id, post, ordering_key, enqueued_at,
          due_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, 0)
      """;

  /** The same row, claimed by this instance as it is stored (see {@link #enqueueClaimed}). */
  private static final String INSERT_CLAIMED =
      """
      INSERT INTO outbox (connection_id, chat_id, account_id, source_event_id, post, ordering_key, enqueued_at,
          due_at, leased_until, attempts, claimed_by, claim_token)
      VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, 1, ?, ?)
      """;

  /** The oldest claimable rows, each the head of its chat: {@link #LEASE} takes one still free. */
  static final String HEADS = heads(0);

  /**
   * {@link #HEADS} passing over the rows of {@code closed} connections (whose bot's window is
   * full), still in the index's order.
   */
  static String heads(int closed) {
    String passingOver =
        closed == 0
            ? ""
            : "\n     AND q.connection_id NOT IN ("
                + String.join(", ", Collections.nCopies(closed, "?"))
                + ")";
    return headsSql("outbox", HEADS_READ, passingOver);
  }

  /** At most this many closed senders are passed over at once (the soonest to open are not). */
  private static final int CLOSED_MAX = 16;

  /** The claim's lease, re-checking that the row is still free and due. */
  private static final String LEASE =
      """
      UPDATE outbox SET leased_until = ?, attempts = attempts + 1, claimed_by = ?, claim_token = ?
       WHERE id = ? AND finished = FALSE AND due_at <= ? AND (leased_until IS NULL OR leased_until <= ?)
      """;

  /** The chat's rows behind one row are not due before a moment (the chat's window is full). */
  private static final String HOLD_FOLLOWING =
      """
      UPDATE outbox SET due_at = ?
       WHERE ordering_key = ? AND finished = FALSE AND id > ? AND due_at < ?
      """;

  private static final String COMPLETE =
      """
      UPDATE outbox SET finished = TRUE, completed_at = ?, leased_until = NULL, claim_token = NULL
       WHERE id = ? AND claim_token = ?
      """;

  /**
   * Heads read by one claim: workers claiming at the same moment read the same ones and try them
   * from different starting points (the oldest for the first of them), so that they rarely race for
   * one row.
   */
  static final int HEADS_READ = 8;

  /** Heads one claim tries to lease before it reads them again. */
  private static final int LEASE_TRIES = 3;

  /** How often a claim whose heads all went to other workers reads them again at once. */
  private static final int READS = 3;

  private final GroupCommit writes;

  /** Connections whose bot's window this instance found full, and when its slots open. */
  private final Map<String, Openings> closed = new ConcurrentHashMap<>();

  /** Claims this instance is making now: where among the heads the next one starts trying. */
  private final AtomicInteger claiming = new AtomicInteger();

  /**
   * Above zero after a lease lost to another worker (another instance's claims start at the same
   * heads): claims then start at a random head too, until that many have won at their first try.
   */
  private final AtomicInteger contended = new AtomicInteger();

  JdbcOutbox(Db db, Clock clock, String instanceId, GroupCommit writes) {
    super(db, clock, "outbox", "enqueued_at", instanceId);
    this.writes = writes;
  }

  /**
   * The next claimable row: one read of the oldest heads, then one conditional UPDATE that leases
   * one of them (the oldest, unless other claims of this instance are under way) in auto-commit
   * (sharing a commit with the writes of other workers at that moment). Each head read is the
   * oldest unfinished row of its chat, so whichever is leased keeps the chat's order; a head
   * another worker leased first is passed over. Empty when nothing is claimable.
   */
  @Override
  public Optional<Claimed<OutboxMessage>> claimNext(Instant now, Duration lease) {
    int start = claiming.getAndIncrement();
    if (contended.get() > 0) {
      start += ThreadLocalRandom.current().nextInt(HEADS_READ);
    }
    try {
      return claim(now, lease, start);
    } finally {
      claiming.decrementAndGet();
    }
  }

  private Optional<Claimed<OutboxMessage>> claim(Instant now, Duration lease, int start) {
    long nowMicros = Micros.of(now);
    long until = Micros.of(now.plus(lease));
    for (int read = 1; read <= READS; read++) {
      long token = newToken();
      List<Object> params = new ArrayList<>(List.of(nowMicros, nowMicros));
      params.addAll(closedAt(now));
      List<Claimed<OutboxMessage>> heads =
          db().query(
                  heads(params.size() - 2),
                  row ->
                      new Claimed<>(
                          row.getLong("id"), item(row), row.getInt("attempts") + 1, token),
                  params.toArray());
      if (heads.isEmpty()) {
        return Optional.empty();
      }
      int tried = 0;
      for (int next = 0; next < heads.size() && tried < LEASE_TRIES; next++) {
        Claimed<OutboxMessage> head = heads.get((start + next) % heads.size());
        Openings slots = closed.get(head.item().connection().value());
        if (slots != null && !slots.take(now)) {
          continue; // its sender's slots that opened are other claims' already
        }
        tried++;
        int leased =
            writes.run(
                () ->
                    db().update(
                            LEASE, until, instanceId(), token, head.id(), nowMicros, nowMicros));
        if (leased == 1) {
          if (tried == 1) {
            contended.getAndUpdate(left -> Math.max(0, left - 1));
          }
          return Optional.of(head);
        }
        if (slots != null) {
          slots.giveBack(now);
        }
        contended.set(HEADS_READ);
      }
    }
    return Optional.empty();
  }

  /**
   * This instance's claims pass over the connection's rows until the first of {@code openings}: its
   * bot's window is full (the row that found it so is postponed as any); then each opening lets one
   * claim take a row of it, so that a slot freeing is not met by every worker at once, all but one
   * to postpone what they claimed. Only this instance's, and only until the window's slots may
   * open, so that no instance is kept from a bot for longer.
   */
  @Override
  public void closedUntil(ConnectionId connection, List<Instant> openings) {
    if (!openings.isEmpty()) {
      closed.put(connection.value(), new Openings(openings));
    }
  }

  /**
   * When the next row waiting for its time becomes due, or the next sender this instance passes
   * over may open, whichever is sooner: its rows are claimable by this instance then, and a worker
   * is to be woken for them (no row of theirs was postponed to wake one).
   */
  @Override
  public Optional<Instant> nextDueAfter(Instant now) {
    Optional<Instant> due = super.nextDueAfter(now);
    Optional<Instant> opens =
        closed.values().stream()
            .map(slots -> slots.nextAfter(now))
            .flatMap(Optional::stream)
            .min(Instant::compareTo);
    if (opens.isEmpty()) {
      return due;
    }
    return due.isPresent() && due.get().isBefore(opens.get()) ? due : opens;
  }

  /**
   * The connections passed over at {@code now}: no slot of theirs open for a claim of this instance
   * (those whose every slot was taken are forgotten: the next full window is learnt anew).
   */
  private List<String> closedAt(Instant now) {
    closed.values().removeIf(Openings::spent);
    if (closed.isEmpty()) {
      return List.of();
    }
    List<Map.Entry<String, Instant>> shut = new ArrayList<>();
    closed.forEach(
        (connection, slots) ->
            slots.closedUntil(now).ifPresent(until -> shut.add(Map.entry(connection, until))));
    return shut.stream()
        .sorted(Map.Entry.<String, Instant>comparingByValue().reversed())
        .limit(CLOSED_MAX)
        .map(Map.Entry::getKey)
        .toList();
  }

  /** Forgets the contention and closed senders seen so far (for tests, with the tables emptied). */
  void forget() {
    contended.set(0);
    closed.clear();
  }

  /**
   * Completes the row in one statement; completions, leases and budget settles of several workers
   * at once share a commit ({@link GroupCommit}). Inside a transaction of the caller's, it joins
   * that one.
   */
  @Override
  public void complete(Claimed<OutboxMessage> claimed) {
    long now = Micros.of(clock().instant());
    int updated = writes.run(() -> db().update(COMPLETE, now, claimed.id(), claimed.token()));
    expectHeld(claimed, "completion", updated);
  }

  /**
   * Rides with the next commit of this instance's writes (the row's completion at the latest): a
   * hold lost in a crash only lets the next row be claimed and postponed as before. Reads the index
   * on (ordering_key, finished, id).
   */
  @Override
  public void holdFollowing(Claimed<OutboxMessage> sent, Instant notBefore) {
    long at = Micros.of(notBefore);
    writes.runSoon(() -> db().update(HOLD_FOLLOWING, at, sent.item().orderingKey(), sent.id(), at));
  }

  @Override
  public void enqueue(OutboxMessage m) {
    db().update(INSERT, columns(m));
  }

  /**
   * Stores the send already claimed by this instance, for a worker of it that waits idle: the claim
   * costs no statement of its own. The worker still asks {@link #takeHandedOver} before it sends: a
   * row stored behind an unfinished one of its chat must wait its turn.
   */
  Claimed<OutboxMessage> enqueueClaimed(OutboxMessage m, Instant now, Duration lease) {
    long token = newToken();
    Object[] row = columns(m);
    Object[] params = Arrays.copyOf(row, row.length + 3);
    params[row.length] = Micros.of(now.plus(lease));
    params[row.length + 1] = instanceId();
    params[row.length + 2] = token;
    return new Claimed<>(db().insert(INSERT_CLAIMED, params), m, 1, token);
  }

  private Object[] columns(OutboxMessage m) {
    return new Object[] {
      m.connection().value(),
      m.chat().value(),
      m.account().value(),
      m.sourceEventId(),
      OutboundPostJson.write(m.post()),
      m.orderingKey(),
      Micros.of(clock().instant())
    };
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
