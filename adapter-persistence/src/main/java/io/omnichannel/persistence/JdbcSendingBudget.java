package io.omnichannel.persistence;

import io.omnichannel.core.domain.SendingWindow;
import io.omnichannel.core.domain.SlotClaim;
import io.omnichannel.core.domain.SlotLanes;
import io.omnichannel.core.port.out.SendingBudget;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

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
 * back the ones it got, each recognised by the exact moment it holds (a random part of a
 * millisecond added to {@code heldUntil} makes it this claim's own). A token bucket (a private
 * chat's) is one lane, the moment it is full again ({@link SlotLanes}).
 *
 * <p>What this instance learnt of a full sliding window is kept in memory ({@link Schedule}):
 * further claims in it wait without a query until its first lane frees, and the rows that wait for
 * it are spread over its lanes as they free, one after another, rather than all sent back at the
 * same moment to race for one lane.
 */
final class JdbcSendingBudget implements SendingBudget {
  private static final int ATTEMPTS = 5;
  private static final int JITTER_MICROS = 1_000;
  private static final int REMEMBERED_WINDOWS = 10_000;
  private static final String INSERT_LANE =
      "INSERT INTO sending_lanes (window_key, lane, free_at) VALUES (?, ?, 0)";
  private static final String GIVE_BACK =
      "UPDATE sending_lanes SET free_at = ? WHERE window_key = ? AND lane = ? AND free_at = ?";
  private static final String PAUSE =
      "UPDATE sending_lanes SET free_at = ? WHERE window_key = ? AND free_at < ?";

  private final Db db;
  private final GroupCommit writes;
  private final Map<String, Schedule> schedules = new java.util.concurrent.ConcurrentHashMap<>();

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
    Instant held = heldUntil.plusNanos(1_000L * ThreadLocalRandom.current().nextInt(JITTER_MICROS));
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      Optional<SlotClaim> answer = tryClaim(windows, count, now, held);
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
          Optional<Instant> first =
              window == windows.get(0) ? Optional.of(schedule.firstOpen(needed)) : Optional.empty();
          return Optional.of(new SlotClaim.Wait(next.get(), first));
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
    Map<String, List<Instant>> lanes = lanes(windows);
    Instant opensAt = null;
    Optional<Instant> firstOpensAt = Optional.empty();
    List<Swap> taking = new ArrayList<>();
    List<SlotClaim.TakenSlot> taken = new ArrayList<>();
    for (SendingWindow window : windows) {
      List<Instant> held = lanes.get(window.key());
      int needed = SlotLanes.needed(window, count);
      List<Integer> free = SlotLanes.freeNow(window, held, count, now);
      if (free.size() < needed) {
        boolean bucket = window.refill() == SendingWindow.Refill.TOKEN_BUCKET;
        Instant opens =
            bucket
                ? SlotLanes.opensAt(window, held.get(0), count)
                : schedule(window).waitFor(held, needed, now);
        if (window == windows.get(0)) {
          firstOpensAt = Optional.of(bucket ? opens : schedule(window).firstOpen(needed));
        }
        opensAt = opensAt == null || opens.isAfter(opensAt) ? opens : opensAt;
        continue;
      }
      Collections.shuffle(free);
      for (int lane : free.subList(0, needed)) {
        Instant before = held.get(lane);
        Instant inFlight = SlotLanes.inFlight(window, before, count, now, heldUntil);
        taking.add(new Swap(window.key(), lane, before, inFlight));
        taken.add(new SlotClaim.TakenSlot(window, lane, inFlight, before, count));
      }
    }
    if (opensAt != null) {
      return Optional.of(new SlotClaim.Wait(opensAt, firstOpensAt));
    }
    int swapped = swap(taking);
    if (swapped != taking.size()) {
      if (swapped > 0) {
        giveBack(taking);
      }
      return Optional.empty();
    }
    return Optional.of(new SlotClaim.Granted(taken));
  }

  /** One lane going from what it was read holding to what it is to hold. */
  private record Swap(String key, int lane, Instant from, Instant to) {}

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
    sql.append(" ELSE free_at END WHERE window_key IN (")
        .append(placeholders(swaps.size()))
        .append(") AND (")
        .append(
            String.join(
                " OR ",
                Collections.nCopies(swaps.size(), "(window_key = ? AND lane = ? AND free_at = ?)")))
        .append(")");
    swaps.forEach(swap -> params.add(swap.key()));
    for (Swap swap : swaps) {
      params.add(swap.key());
      params.add(swap.lane());
      params.add(Micros.of(swap.from()));
    }
    return db.update(sql.toString(), params.toArray());
  }

  /** Lanes this claim holds (their moment is its own) go back to what they held before. */
  private void giveBack(List<Swap> taken) {
    for (Swap lane : taken) {
      db.update(GIVE_BACK, Micros.of(lane.from()), lane.key(), lane.lane(), Micros.of(lane.to()));
    }
  }

  /**
   * When each lane of each window frees, by window key and lane, in one query; a window seen for
   * the first time gets its lanes.
   */
  private Map<String, List<Instant>> lanes(List<SendingWindow> windows) {
    Map<String, List<Instant>> read = readLanes(windows);
    boolean created = false;
    for (SendingWindow window : windows) {
      if (read.getOrDefault(window.key(), List.of()).size() < SlotLanes.lanes(window)) {
        createLanes(window);
        created = true;
      }
    }
    if (created) {
      read = readLanes(windows);
    }
    Map<String, List<Instant>> bySlots = new HashMap<>();
    for (SendingWindow window : windows) {
      bySlots.put(window.key(), read.get(window.key()).subList(0, SlotLanes.lanes(window)));
    }
    return bySlots;
  }

  private record Lane(String key, Instant freeAt) {}

  private Map<String, List<Instant>> readLanes(List<SendingWindow> windows) {
    List<Lane> rows =
        db.query(
            "SELECT window_key, free_at FROM sending_lanes WHERE window_key IN ("
                + placeholders(windows.size())
                + ") ORDER BY window_key, lane",
            row -> new Lane(row.getString("window_key"), Micros.instant(row, "free_at")),
            windows.stream().map(SendingWindow::key).toArray());
    return rows.stream()
        .collect(
            Collectors.groupingBy(
                Lane::key, Collectors.mapping(Lane::freeAt, Collectors.toList())));
  }

  private static String placeholders(int n) {
    return String.join(", ", Collections.nCopies(n, "?"));
  }

  /** All lanes in one INSERT; lane by lane when another claim made some of them meanwhile. */
  private void createLanes(SendingWindow window) {
    int lanes = SlotLanes.lanes(window);
    List<Object> params = new ArrayList<>();
    for (int lane = 0; lane < lanes; lane++) {
      params.add(window.key());
      params.add(lane);
    }
    try {
      db.update(
          "INSERT INTO sending_lanes (window_key, lane, free_at) VALUES "
              + String.join(", ", Collections.nCopies(lanes, "(?, ?, 0)")),
          params.toArray());
      return;
    } catch (SqlErrors.DuplicateRow some) {
      // made in part by another claim (or by a purge that left a lane in flight): one by one
    }
    for (int lane = 0; lane < lanes; lane++) {
      try {
        db.update(INSERT_LANE, window.key(), lane);
      } catch (SqlErrors.DuplicateRow present) {
        // another claim created it
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
    for (SendingWindow window : windows) {
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
   * What this instance knows of one full window: when its lanes free (as last read), and the times
   * already given to rows waiting for it. The k-th row waiting gets the k-th lane to free (after
   * the lanes a send needs), a lane taken again a span after it freed; rows of another instance are
   * not counted, so a time given is when to try again, not a promise. A lane held by a send in
   * flight is taken to free a span after it was read (its send ends at the earliest then; should
   * the sender have died, the lane frees later and the row tries again), a lane paused by this
   * instance not before the pause ends.
   */
  static final class Schedule {
    private final Duration span;
    private List<Instant> freeAt = List.of();
    private Instant pausedUntil = Instant.EPOCH;
    private final List<Instant> given = new ArrayList<>();

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
      return next(needed, now);
    }

    /** Empty once the window may have a free lane; else when this row is to try again. */
    synchronized Optional<Instant> nextIfClosed(int needed, Instant now) {
      if (freeAt.size() < needed || !freeAt.get(needed - 1).isAfter(now)) {
        return Optional.empty();
      }
      return Optional.of(next(needed, now));
    }

    /** The earliest moment the window may have the lanes a send needs, as last read. */
    synchronized Instant firstOpen(int needed) {
      return freeAt.get(Math.min(needed, freeAt.size()) - 1);
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

    private Instant next(int needed, Instant now) {
      given.removeIf(time -> !time.isAfter(now));
      if (needed > 1) {
        return freeAt.get(needed - 1); // a send of several parts is not spread
      }
      int k = given.size();
      int lanes = freeAt.size();
      Instant time = freeAt.get(k % lanes).plus(span.multipliedBy(k / lanes));
      given.add(time);
      return time;
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
