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
 * settle frees them in one UPDATE. A claim that must wait writes nothing.
 *
 * <p>A send takes a lane only if that lane still frees when it was read, so two claims can never
 * hold one lane; a claim that got only some of its lanes (another took one meanwhile) gives back
 * the ones it got, each recognised by the exact moment it holds them until (a random part of a
 * millisecond added to {@code heldUntil} makes it this claim's own).
 *
 * <p>What this instance learnt of a full window is kept in memory ({@link Schedule}): further
 * claims in it wait without a query until its first lane frees, and the rows that wait for it are
 * spread over its lanes as they free, one after another, rather than all sent back at the same
 * moment to race for one lane.
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
  private static final String PAUSE_TWO =
      "UPDATE sending_lanes SET free_at = ? WHERE window_key IN (?, ?) AND free_at < ?";

  private final Db db;
  private final GroupCommit writes;
  private final Map<String, Schedule> schedules = new java.util.concurrent.ConcurrentHashMap<>();

  JdbcSendingBudget(Db db, GroupCommit writes) {
    this.db = db;
    this.writes = writes;
  }

  @Override
  public SlotClaim claim(List<SendingWindow> windows, int count, Instant now, Instant heldUntil) {
    Optional<Instant> known = knownClosed(windows, count, now);
    if (known.isPresent()) {
      return new SlotClaim.Wait(known.get());
    }
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
  private Optional<Instant> knownClosed(List<SendingWindow> windows, int count, Instant now) {
    for (SendingWindow window : windows) {
      Schedule schedule = schedules.get(window.key());
      if (schedule != null) {
        Optional<Instant> next = schedule.nextIfClosed(SlotLanes.needed(window, count), now);
        if (next.isPresent()) {
          return next;
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
    List<Observed> picked = new ArrayList<>();
    for (SendingWindow window : windows) {
      List<Instant> freeAt = lanes.get(window.key());
      int needed = SlotLanes.needed(window, count);
      List<Integer> free = SlotLanes.freeNow(freeAt, now);
      if (free.size() < needed) {
        Instant opens = schedule(window).waitFor(freeAt, needed, now);
        opensAt = opensAt == null || opens.isAfter(opensAt) ? opens : opensAt;
        continue;
      }
      Collections.shuffle(free);
      free.subList(0, needed)
          .forEach(lane -> picked.add(new Observed(window, lane, freeAt.get(lane))));
    }
    if (opensAt != null) {
      return Optional.of(new SlotClaim.Wait(opensAt));
    }
    long heldMicros = Micros.of(heldUntil);
    List<Object> params = new ArrayList<>();
    params.add(heldMicros);
    picked.forEach(lane -> params.add(lane.window().key()));
    for (Observed lane : picked) {
      params.add(lane.window().key());
      params.add(lane.lane());
      params.add(Micros.of(lane.freeAt()));
    }
    int taken =
        db.update(
            "UPDATE sending_lanes SET free_at = ? WHERE window_key IN ("
                + placeholders(picked.size())
                + ") AND ("
                + String.join(
                    " OR ",
                    Collections.nCopies(
                        picked.size(), "(window_key = ? AND lane = ? AND free_at = ?)"))
                + ")",
            params.toArray());
    if (taken != picked.size()) {
      if (taken > 0) {
        giveBack(picked, heldMicros);
      }
      return Optional.empty();
    }
    return Optional.of(
        new SlotClaim.Granted(
            picked.stream()
                .map(lane -> new SlotClaim.TakenSlot(lane.window(), lane.lane(), heldUntil))
                .toList()));
  }

  /** Lanes this claim holds (their value is its own) go back to when they freed before. */
  private void giveBack(List<Observed> picked, long heldMicros) {
    for (Observed lane : picked) {
      db.update(GIVE_BACK, Micros.of(lane.freeAt()), lane.window().key(), lane.lane(), heldMicros);
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
      if (read.getOrDefault(window.key(), List.of()).size() < window.slots()) {
        createLanes(window);
        created = true;
      }
    }
    if (created) {
      read = readLanes(windows);
    }
    Map<String, List<Instant>> bySlots = new HashMap<>();
    for (SendingWindow window : windows) {
      bySlots.put(window.key(), read.get(window.key()).subList(0, window.slots()));
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

  private record Observed(SendingWindow window, int lane, Instant freeAt) {}

  /** All lanes in one INSERT; lane by lane when another claim made some of them meanwhile. */
  private void createLanes(SendingWindow window) {
    List<Object> params = new ArrayList<>();
    for (int lane = 0; lane < window.slots(); lane++) {
      params.add(window.key());
      params.add(lane);
    }
    try {
      db.update(
          "INSERT INTO sending_lanes (window_key, lane, free_at) VALUES "
              + String.join(", ", Collections.nCopies(window.slots(), "(?, ?, 0)")),
          params.toArray());
      return;
    } catch (SqlErrors.DuplicateRow some) {
      // made in part by another claim (or by a purge that left a lane in flight): one by one
    }
    for (int lane = 0; lane < window.slots(); lane++) {
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
    List<SlotClaim.TakenSlot> slots = granted.slots();
    if (slots.isEmpty()) {
      return;
    }
    StringBuilder sql = new StringBuilder("UPDATE sending_lanes SET free_at = CASE");
    List<Object> params = new ArrayList<>();
    for (SlotClaim.TakenSlot slot : slots) {
      sql.append(" WHEN window_key = ? AND lane = ? THEN ?");
      params.add(slot.window().key());
      params.add(slot.lane());
      params.add(Micros.of(ended.plus(slot.window().span())));
    }
    sql.append(" ELSE free_at END WHERE window_key IN (")
        .append(placeholders(slots.size()))
        .append(") AND (")
        .append(
            String.join(
                " OR ",
                Collections.nCopies(slots.size(), "(window_key = ? AND lane = ? AND free_at = ?)")))
        .append(")");
    slots.forEach(slot -> params.add(slot.window().key()));
    for (SlotClaim.TakenSlot slot : slots) {
      params.add(slot.window().key());
      params.add(slot.lane());
      params.add(Micros.of(slot.heldUntil()));
    }
    // shares a commit with the outbox's completions and leases written at the same moment
    writes.run(() -> db.update(sql.toString(), params.toArray()));
  }

  @Override
  public void pauseUntil(List<SendingWindow> windows, Instant until) {
    long micros = Micros.of(until);
    windows.forEach(window -> schedule(window).pausedUntil(until));
    if (windows.size() == 2) {
      db.update(PAUSE_TWO, micros, windows.get(0).key(), windows.get(1).key(), micros);
      return;
    }
    windows.forEach(window -> db.update(PAUSE, micros, window.key(), micros));
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

  /** Forgets what this instance learnt of full windows (tests that empty the lanes). */
  void forget() {
    schedules.clear();
  }

  /** Deletes lanes free since before {@code before}: a window is given lanes again when used. */
  int purgeFreedBefore(Instant before) {
    return db.update("DELETE FROM sending_lanes WHERE free_at < ?", Micros.of(before));
  }
}
