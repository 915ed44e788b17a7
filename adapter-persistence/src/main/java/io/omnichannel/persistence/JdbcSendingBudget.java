package io.omnichannel.persistence;

import io.omnichannel.core.domain.SendingWindow;
import io.omnichannel.core.domain.SlotClaim;
import io.omnichannel.core.domain.SlotLanes;
import io.omnichannel.core.port.out.SendingBudget;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * B2 in the database every instance shares, in auto-commit statements and no transaction: a claim
 * reads the lanes of all its windows in one query, picks free ones at random (so that concurrent
 * claims of one bot rarely pick the same) and takes them all in one compare-and-set UPDATE; a
 * settle frees them in one UPDATE that rides with the commit of the send's completion ({@link
 * GroupCommit#runSoon}; a claim or a pause writes this instance's waiting settles first). A claim
 * that must wait writes nothing.
 *
 * <p>A send takes a lane only if that lane still holds what it was read holding, so two claims can
 * never hold one lane; a claim that got only some of its lanes (another took one meanwhile) gives
 * back the ones it got, recognised by the claim's random token written with them — not by the
 * moment they hold, which two claims racing for a lane can share. A lane without a row is free: it
 * is taken by inserting it, which fails when another claim inserted it first, so a chat's first
 * send costs no statement of its own for its window; a pause writes every lane of its windows.
 * Claims of this instance that read a window at the same moment start at different free lanes. A
 * token bucket (a private chat's) is one lane, the moment it is full again ({@link SlotLanes}).
 *
 * <p>What this instance learnt of a full sliding window is kept in memory ({@link Schedule}):
 * further claims in it wait without a query until its first lane frees. The rows that wait for it
 * all try again then: the outbox lets one claim of the instance through per lane that frees ({@link
 * io.omnichannel.core.port.out.ClosedSenders}), so they do not race for one lane, and no lane that
 * frees stays unused while they wait for later ones.
 */
final class JdbcSendingBudget implements SendingBudget {
  private static final int ATTEMPTS = 5;
  private static final int REMEMBERED_WINDOWS = 10_000;
  private static final String INSERT_LANE =
      "INSERT INTO sending_lanes (window_key, lane, free_at) VALUES (?, ?, 0)";
  private static final String GIVE_BACK =
      "UPDATE sending_lanes SET free_at = ?, claim_token = NULL"
          + " WHERE window_key = ? AND lane = ? AND claim_token = ?";
  private static final String PAUSE =
      "UPDATE sending_lanes SET free_at = ? WHERE window_key = ? AND free_at < ?";

  private final Db db;
  private final GroupCommit writes;
  private final Map<String, Schedule> schedules = new java.util.concurrent.ConcurrentHashMap<>();

  /** Where among a window's free lanes this instance's next claim starts. */
  private final AtomicInteger nextFree =
      new AtomicInteger(ThreadLocalRandom.current().nextInt(1 << 16));

  JdbcSendingBudget(Db db, GroupCommit writes) {
    this.db = db;
    this.writes = writes;
  }

  @Override
  public SlotClaim claim(List<SendingWindow> windows, int count, Instant now, Instant heldUntil) {
    Optional<SlotClaim.Wait> known = knownClosed(windows, count, now);
    if (known.isPresent()) {
      return known.get();
    }
    writes.flush(); // this instance's settles waiting to ride with a completion: read as settled
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      Optional<SlotClaim> answer = tryClaim(windows, count, now, heldUntil);
      if (answer.isPresent()) {
        return answer.get();
      }
    }
    // every attempt lost its lanes to other claims: the row is tried again at once
    return new SlotClaim.Wait(now);
  }

  /**
   * When a window this instance saw full has not freed yet, the time its row is to try again; no
   * statement is run.
   */
  private Optional<SlotClaim.Wait> knownClosed(
      List<SendingWindow> windows, int count, Instant now) {
    for (SendingWindow window : windows) {
      Schedule schedule = schedules.get(window.key());
      if (schedule != null) {
        int needed = SlotLanes.needed(window, count);
        Optional<Instant> next = schedule.nextIfClosed(needed, now);
        if (next.isPresent()) {
          List<Instant> openings = window == windows.get(0) ? schedule.openings(needed) : List.of();
          return Optional.of(new SlotClaim.Wait(next.get(), openings));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Reads the lanes, then takes free ones in one compare-and-set UPDATE; empty when another claim
   * took one of them first (what this one took meanwhile is given back).
   */
  private Optional<SlotClaim> tryClaim(
      List<SendingWindow> windows, int count, Instant now, Instant heldUntil) {
    Map<String, List<Lane>> lanes = lanes(windows);
    long token = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
    Instant opensAt = null;
    List<Instant> firstOpenings = List.of();
    List<Swap> taking = new ArrayList<>();
    List<SlotClaim.TakenSlot> taken = new ArrayList<>();
    for (SendingWindow window : windows) {
      List<Lane> read = lanes.get(window.key());
      List<Instant> held = read.stream().map(Lane::freeAt).toList();
      int needed = SlotLanes.needed(window, count);
      List<Integer> free = SlotLanes.freeNow(window, held, count, now);
      if (free.size() < needed) {
        boolean bucket = window.refill() == SendingWindow.Refill.TOKEN_BUCKET;
        Instant opens =
            bucket
                ? SlotLanes.opensAt(window, held.get(0), count)
                : schedule(window).waitFor(held, needed, now);
        if (window == windows.get(0)) {
          firstOpenings = bucket ? List.of(opens) : schedule(window).openings(needed);
        }
        opensAt = opensAt == null || opens.isAfter(opensAt) ? opens : opensAt;
        continue;
      }
      Collections.rotate(free, -Math.floorMod(nextFree.getAndIncrement(), free.size()));
      for (int lane : free.subList(0, needed)) {
        Instant before = held.get(lane);
        Instant inFlight = SlotLanes.inFlight(window, before, count, now, heldUntil);
        taking.add(new Swap(window.key(), lane, before, inFlight, read.get(lane).absent(), token));
        taken.add(new SlotClaim.TakenSlot(window, lane, inFlight, before, count));
      }
    }
    if (opensAt != null) {
      return Optional.of(new SlotClaim.Wait(opensAt, firstOpenings));
    }
    return take(taking) ? Optional.of(new SlotClaim.Granted(taken)) : Optional.empty();
  }

  /**
   * One lane going from what it was read holding to what it is to hold; {@code absent} when it has
   * no row yet (free); {@code token} the claim's, written with it when it is taken (0 for a settle,
   * which writes none).
   */
  record Swap(String key, int lane, Instant from, Instant to, boolean absent, long token) {
    Swap(String key, int lane, Instant from, Instant to) {
      this(key, lane, from, to, false, 0);
    }
  }

  /**
   * Takes every lane or none: inserts the absent ones (nothing is inserted should another claim
   * have inserted one first), then sets the others; a lane lost there gives back all taken.
   */
  boolean take(List<Swap> taking) {
    List<Swap> absent = taking.stream().filter(Swap::absent).toList();
    List<Swap> present = taking.stream().filter(lane -> !lane.absent()).toList();
    if (!absent.isEmpty() && !insert(absent)) {
      return false;
    }
    if (!present.isEmpty()) {
      int swapped = swap(present);
      if (swapped != present.size()) {
        if (swapped > 0 || !absent.isEmpty()) {
          giveBack(taking); // a lane not taken carries another token: its give-back changes nothing
        }
        return false;
      }
    }
    return true;
  }

  /** Inserts the lanes holding what they are to hold, in one statement; false when one exists. */
  private boolean insert(List<Swap> lanes) {
    List<Object> params = new ArrayList<>();
    for (Swap lane : lanes) {
      params.add(lane.key());
      params.add(lane.lane());
      params.add(Micros.of(lane.to()));
      params.add(lane.token());
    }
    try {
      db.update(
          "INSERT INTO sending_lanes (window_key, lane, free_at, claim_token) VALUES "
              + String.join(", ", Collections.nCopies(lanes.size(), "(?, ?, ?, ?)")),
          params.toArray());
      return true;
    } catch (SqlErrors.DuplicateRow first) {
      return false; // another claim inserted one: read again
    }
  }

  /**
   * Sets every lane that still holds what it was read holding, in one UPDATE; how many were set.
   */
  private int swap(List<Swap> swaps) {
    StringBuilder sql = new StringBuilder("UPDATE sending_lanes SET free_at = CASE");
    List<Object> params = new ArrayList<>();
    for (Swap swap : swaps) {
      sql.append(" WHEN window_key = ? AND lane = ? THEN ?");
      params.add(swap.key());
      params.add(swap.lane());
      params.add(Micros.of(swap.to()));
    }
    // the lanes of one swap are one claim's (its token) or one settle's (none)
    sql.append(" ELSE free_at END, claim_token = ? WHERE window_key IN (")
        .append(placeholders(swaps.size()))
        .append(") AND (")
        .append(
            String.join(
                " OR ",
                Collections.nCopies(swaps.size(), "(window_key = ? AND lane = ? AND free_at = ?)")))
        .append(")");
    params.add(swaps.get(0).token() == 0 ? null : swaps.get(0).token());
    swaps.forEach(swap -> params.add(swap.key()));
    for (Swap swap : swaps) {
      params.add(swap.key());
      params.add(swap.lane());
      params.add(Micros.of(swap.from()));
    }
    return db.update(sql.toString(), params.toArray());
  }

  /** Lanes this claim holds (they carry its token) go back to what they held before. */
  private void giveBack(List<Swap> taken) {
    for (Swap lane : taken) {
      db.update(GIVE_BACK, Micros.of(lane.from()), lane.key(), lane.lane(), lane.token());
    }
  }

  /** When one lane frees; a lane without a row is free and {@code absent}. */
  private record Lane(Instant freeAt, boolean absent) {
    static final Lane WITHOUT_ROW = new Lane(Instant.EPOCH, true);
  }

  private record LaneRow(String key, int lane, Instant freeAt) {}

  /** When each lane of each window frees, by window key and lane, in one query. */
  private Map<String, List<Lane>> lanes(List<SendingWindow> windows) {
    Map<String, Lane[]> byWindow = new HashMap<>();
    for (SendingWindow window : windows) {
      Lane[] lanes = new Lane[SlotLanes.lanes(window)];
      Arrays.fill(lanes, Lane.WITHOUT_ROW);
      byWindow.put(window.key(), lanes);
    }
    db.query(
            "SELECT window_key, lane, free_at FROM sending_lanes WHERE window_key IN ("
                + placeholders(windows.size())
                + ")",
            row ->
                new LaneRow(
                    row.getString("window_key"),
                    row.getInt("lane"),
                    Micros.instant(row, "free_at")),
            windows.stream().map(SendingWindow::key).toArray())
        .forEach(
            row -> {
              Lane[] lanes = byWindow.get(row.key());
              if (row.lane() < lanes.length) { // a window's lanes beyond its limit count for naught
                lanes[row.lane()] = new Lane(row.freeAt(), false);
              }
            });
    Map<String, List<Lane>> read = new HashMap<>();
    byWindow.forEach((key, lanes) -> read.put(key, List.of(lanes)));
    return read;
  }

  private static String placeholders(int n) {
    return String.join(", ", Collections.nCopies(n, "?"));
  }

  /** The lanes of {@code window} without a row, inserted free (should another claim not first). */
  private void insertMissing(SendingWindow window, List<Lane> lanes) {
    for (int lane = 0; lane < lanes.size(); lane++) {
      if (lanes.get(lane).absent()) {
        try {
          db.update(INSERT_LANE, window.key(), lane);
        } catch (SqlErrors.DuplicateRow present) {
          // another claim inserted it
        }
      }
    }
  }

  /**
   * One UPDATE for every slot of the send; a lane a pause or a later claim changed meanwhile is
   * left as it is.
   */
  @Override
  public void settle(SlotClaim.Granted granted, Instant ended) {
    List<Swap> settling =
        granted.slots().stream()
            .map(
                slot ->
                    new Swap(
                        slot.window().key(), slot.lane(), slot.heldUntil(), slot.afterSend(ended)))
            .toList();
    if (settling.isEmpty()) {
      return;
    }
    // rides with the commit of the row's completion, which follows; lost in a crash, its lanes
    // stay held as in flight (until the call's timeout, and a span), so the slot stays counted
    writes.runSoon(() -> swap(settling));
  }

  @Override
  public void pauseUntil(List<SendingWindow> windows, Instant until) {
    writes.flush(); // a settle written after the pause would shorten it
    Map<String, List<Lane>> lanes = lanes(windows);
    for (SendingWindow window : windows) {
      // a lane without a row is free: the pause must hold it too
      insertMissing(window, lanes.get(window.key()));
      long paused = Micros.of(SlotLanes.paused(window, until));
      if (window.refill() == SendingWindow.Refill.SLIDING) {
        schedule(window).pausedUntil(until);
      }
      db.update(PAUSE, paused, window.key(), paused);
    }
  }

  private Schedule schedule(SendingWindow window) {
    if (schedules.size() > REMEMBERED_WINDOWS) {
      schedules.clear(); // what is forgotten is read again
    }
    return schedules.computeIfAbsent(window.key(), key -> new Schedule(window.span()));
  }

  /**
   * What this instance knows of one full window: when its lanes free (as last read). A row waiting
   * for it tries again when the lanes a send needs may be free; a time given is when to try again,
   * not a promise. A lane held by a send in flight is taken to free a span after it was read (its
   * send ends at the earliest then; should the sender have died, the lane frees later and the row
   * tries again), a lane paused by this instance not before the pause ends.
   *
   * <p>Not spread over the lanes (the k-th waiting row given the k-th lane to free): that left a
   * lane unused while a bot's last row waited 0.8 s for a later one.
   */
  static final class Schedule {
    private final Duration span;
    private List<Instant> freeAt = List.of();
    private Instant pausedUntil = Instant.EPOCH;

    Schedule(Duration span) {
      this.span = span;
    }

    /** The window was read full: when this row is to try again. */
    synchronized Instant waitFor(List<Instant> lanes, int needed, Instant now) {
      Instant inFlight = now.plus(span);
      List<Instant> sorted = new ArrayList<>();
      for (Instant lane : lanes) {
        Instant estimate = lane.isAfter(inFlight) ? inFlight : lane;
        sorted.add(estimate.isBefore(pausedUntil) ? pausedUntil : estimate);
      }
      Collections.sort(sorted);
      freeAt = sorted;
      return freeAt.get(needed - 1);
    }

    /** Empty once the window may have a free lane; else when this row is to try again. */
    synchronized Optional<Instant> nextIfClosed(int needed, Instant now) {
      if (freeAt.size() < needed || !freeAt.get(needed - 1).isAfter(now)) {
        return Optional.empty();
      }
      return Optional.of(freeAt.get(needed - 1));
    }

    /**
     * When the window may have the lanes a send needs, as last read: the earliest moment first,
     * then each moment a further lane frees.
     */
    synchronized List<Instant> openings(int needed) {
      return List.copyOf(freeAt.subList(Math.min(needed, freeAt.size()) - 1, freeAt.size()));
    }

    synchronized void pausedUntil(Instant until) {
      if (until.isAfter(pausedUntil)) {
        pausedUntil = until;
      }
      List<Instant> paused = new ArrayList<>();
      for (Instant lane : freeAt) {
        paused.add(lane.isBefore(until) ? until : lane);
      }
      freeAt = paused;
    }
  }

  /**
   * Writes the settles waiting to ride with a completion (for tests: another instance reads them
   * once the sends' rows are completed).
   */
  void writeSettles() {
    writes.flush();
  }

  /** Forgets what this instance learnt of full windows (tests that empty the lanes). */
  void forget() {
    schedules.clear();
  }

  /** Deletes lanes free since before {@code before}: a window is given lanes again when used. */
  int purgeFreedBefore(Instant before) {
    return db.update("DELETE FROM sending_lanes WHERE free_at < ?", Micros.of(before));
  }
}
