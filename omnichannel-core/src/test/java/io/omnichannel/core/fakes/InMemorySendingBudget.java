package io.omnichannel.core.fakes;

import io.omnichannel.core.domain.SendingWindow;
import io.omnichannel.core.domain.SlotClaim;
import io.omnichannel.core.domain.SlotLanes;
import io.omnichannel.core.port.out.SendingBudget;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@link SendingBudget} in one process's memory, by the same lane rule as the database's. */
public final class InMemorySendingBudget implements SendingBudget {
  private final Map<String, List<Instant>> lanes = new HashMap<>();

  @Override
  public synchronized SlotClaim claim(
      List<SendingWindow> windows, int count, Instant now, Instant heldUntil) {
    Instant opensAt = Instant.MIN;
    List<SlotClaim.TakenSlot> taken = new ArrayList<>();
    for (SendingWindow window : windows) {
      List<Instant> freeAt = lanesOf(window);
      int needed = SlotLanes.needed(window, count);
      List<Integer> free = SlotLanes.takeable(freeAt, needed, now);
      if (free.isEmpty()) {
        Instant opens = SlotLanes.opensAt(freeAt, needed);
        opensAt = opens.isAfter(opensAt) ? opens : opensAt;
      }
      free.forEach(lane -> taken.add(new SlotClaim.TakenSlot(window, lane, heldUntil)));
    }
    if (!opensAt.equals(Instant.MIN)) {
      return new SlotClaim.Wait(opensAt);
    }
    taken.forEach(slot -> lanesOf(slot.window()).set(slot.lane(), heldUntil));
    return new SlotClaim.Granted(taken);
  }

  @Override
  public synchronized void settle(SlotClaim.Granted granted, Instant ended) {
    for (SlotClaim.TakenSlot slot : granted.slots()) {
      List<Instant> freeAt = lanesOf(slot.window());
      if (freeAt.get(slot.lane()).equals(slot.heldUntil())) {
        freeAt.set(slot.lane(), ended.plus(slot.window().span()));
      }
    }
  }

  @Override
  public synchronized void pauseUntil(List<SendingWindow> windows, Instant until) {
    for (SendingWindow window : windows) {
      List<Instant> freeAt = lanesOf(window);
      freeAt.replaceAll(free -> free.isBefore(until) ? until : free);
    }
  }

  private List<Instant> lanesOf(SendingWindow window) {
    return lanes.computeIfAbsent(
        window.key(), key -> new ArrayList<>(Collections.nCopies(window.slots(), Instant.EPOCH)));
  }
}
