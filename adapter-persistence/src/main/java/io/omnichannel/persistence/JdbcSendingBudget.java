package io.omnichannel.persistence;

import io.omnichannel.core.domain.SendingWindow;
import io.omnichannel.core.domain.SlotClaim;
import io.omnichannel.core.domain.SlotLanes;
import io.omnichannel.core.port.out.SendingBudget;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * B2 in the database every instance shares: a claim locks the lanes of its windows ({@code SELECT …
 * FOR UPDATE}, the bot's window always first, so claims of one bot queue up instead of
 * deadlocking), takes the earliest free ones when all windows have enough and commits. One short
 * transaction per send; a claim that must wait writes nothing.
 */
final class JdbcSendingBudget implements SendingBudget {
  private static final int ATTEMPTS = 5;
  private static final String LANES =
      "SELECT lane, free_at FROM sending_lanes WHERE window_key = ? ORDER BY lane";
  private static final String INSERT_LANE =
      "INSERT INTO sending_lanes (window_key, lane, free_at) VALUES (?, ?, 0)";
  private static final String TAKE =
      "UPDATE sending_lanes SET free_at = ? WHERE window_key = ? AND lane = ? AND free_at = ?";
  private static final String SETTLE =
      "UPDATE sending_lanes SET free_at = ? WHERE window_key = ? AND lane = ? AND free_at = ?";
  private static final String PAUSE =
      "UPDATE sending_lanes SET free_at = ? WHERE window_key = ? AND free_at < ?";

  private final Db db;

  JdbcSendingBudget(Db db) {
    this.db = db;
  }

  @Override
  public SlotClaim claim(List<SendingWindow> windows, int count, Instant now, Instant heldUntil) {
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
   * Reads the lanes without a lock, picks free ones at random (so that concurrent claims of one bot
   * rarely pick the same) and takes them with compare-and-set updates in one short transaction;
   * empty when another claim took one of them first.
   */
  private Optional<SlotClaim> tryClaim(
      List<SendingWindow> windows, int count, Instant now, Instant heldUntil) {
    Instant opensAt = null;
    List<Observed> picked = new ArrayList<>();
    for (SendingWindow window : windows) {
      List<Instant> freeAt = lanes(window);
      int needed = SlotLanes.needed(window, count);
      List<Integer> free = SlotLanes.freeNow(freeAt, now);
      if (free.size() < needed) {
        Instant opens = SlotLanes.opensAt(freeAt, needed);
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
    try {
      db.inTransaction(
          () -> {
            for (Observed lane : picked) {
              if (db.update(
                      TAKE,
                      Micros.of(heldUntil),
                      lane.window().key(),
                      lane.lane(),
                      Micros.of(lane.freeAt()))
                  != 1) {
                throw new LaneTaken();
              }
            }
            return null;
          });
    } catch (LaneTaken raced) {
      return Optional.empty();
    }
    return Optional.of(
        new SlotClaim.Granted(
            picked.stream()
                .map(lane -> new SlotClaim.TakenSlot(lane.window(), lane.lane(), heldUntil))
                .toList()));
  }

  /** When each lane of the window frees, by lane; a window seen for the first time gets them. */
  private List<Instant> lanes(SendingWindow window) {
    List<Instant> freeAt = db.query(LANES, row -> Micros.instant(row, "free_at"), window.key());
    if (freeAt.size() < window.slots()) {
      createLanes(window);
      freeAt = db.query(LANES, row -> Micros.instant(row, "free_at"), window.key());
    }
    return freeAt.subList(0, window.slots());
  }

  private record Observed(SendingWindow window, int lane, Instant freeAt) {}

  /** Another claim took a lane between reading and taking it: this attempt's writes roll back. */
  private static final class LaneTaken extends RuntimeException {
    LaneTaken() {
      super(null, null, false, false);
    }
  }

  private void createLanes(SendingWindow window) {
    for (int lane = 0; lane < window.slots(); lane++) {
      try {
        db.update(INSERT_LANE, window.key(), lane);
      } catch (SqlErrors.DuplicateRow present) {
        // another claim created it
      }
    }
  }

  /** A lane a pause or a later claim changed meanwhile is left as it is. */
  @Override
  public void settle(SlotClaim.Granted granted, Instant ended) {
    db.inTransaction(
        () -> {
          for (SlotClaim.TakenSlot slot : granted.slots()) {
            db.update(
                SETTLE,
                Micros.of(ended.plus(slot.window().span())),
                slot.window().key(),
                slot.lane(),
                Micros.of(slot.heldUntil()));
          }
          return null;
        });
  }

  @Override
  public void pauseUntil(List<SendingWindow> windows, Instant until) {
    long micros = Micros.of(until);
    windows.forEach(window -> db.update(PAUSE, micros, window.key(), micros));
  }
}
