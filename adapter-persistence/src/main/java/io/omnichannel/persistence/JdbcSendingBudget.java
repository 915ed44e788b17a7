package io.omnichannel.persistence;

import io.omnichannel.core.domain.SendingWindow;
import io.omnichannel.core.domain.SlotClaim;
import io.omnichannel.core.domain.SlotLanes;
import io.omnichannel.core.port.out.SendingBudget;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * B2 in the database every instance shares: a claim locks the lanes of its windows ({@code SELECT …
 * FOR UPDATE}, the bot's window always first, so claims of one bot queue up instead of
 * deadlocking), takes the earliest free ones when all windows have enough and commits. One short
 * transaction per send; a claim that must wait writes nothing.
 */
final class JdbcSendingBudget implements SendingBudget {
  private static final String LANES =
      "SELECT lane, free_at FROM sending_lanes WHERE window_key = ? ORDER BY lane FOR UPDATE";
  private static final String INSERT_LANE =
      "INSERT INTO sending_lanes (window_key, lane, free_at) VALUES (?, ?, 0)";
  private static final String TAKE =
      "UPDATE sending_lanes SET free_at = ? WHERE window_key = ? AND lane = ?";
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
    Optional<SlotClaim> answer = db.inTransaction(() -> tryClaim(windows, count, now, heldUntil));
    if (answer.isPresent()) {
      return answer.get();
    }
    // a window seen for the first time: its lanes are created outside the claim's locks
    windows.forEach(this::createLanes);
    return db.inTransaction(() -> tryClaim(windows, count, now, heldUntil))
        .orElseThrow(() -> new IllegalStateException("sending lanes vanished"));
  }

  private Optional<SlotClaim> tryClaim(
      List<SendingWindow> windows, int count, Instant now, Instant heldUntil) {
    Instant opensAt = null;
    List<SlotClaim.TakenSlot> taken = new ArrayList<>();
    for (SendingWindow window : windows) {
      List<Instant> freeAt = db.query(LANES, row -> Micros.instant(row, "free_at"), window.key());
      if (freeAt.size() < window.slots()) {
        return Optional.empty();
      }
      freeAt = freeAt.subList(0, window.slots());
      int needed = SlotLanes.needed(window, count);
      List<Integer> free = SlotLanes.takeable(freeAt, needed, now);
      if (free.isEmpty()) {
        Instant opens = SlotLanes.opensAt(freeAt, needed);
        opensAt = opensAt == null || opens.isAfter(opensAt) ? opens : opensAt;
      }
      free.forEach(lane -> taken.add(new SlotClaim.TakenSlot(window, lane, heldUntil)));
    }
    if (opensAt != null) {
      return Optional.of(new SlotClaim.Wait(opensAt));
    }
    for (SlotClaim.TakenSlot slot : taken) {
      db.update(TAKE, Micros.of(heldUntil), slot.window().key(), slot.lane());
    }
    return Optional.of(new SlotClaim.Granted(taken));
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
