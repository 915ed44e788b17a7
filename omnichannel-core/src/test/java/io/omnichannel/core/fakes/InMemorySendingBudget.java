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
    List<Instant> senderOpenings = List.of();
    List<SlotClaim.TakenSlot> taken = new ArrayList<>();
    for (SendingWindow window : windows) {
      List<Instant> held = lanesOf(window);
      List<Instant> opens =
          held.stream().map(lane -> SlotLanes.opensAt(window, lane, count)).toList();
      int needed = SlotLanes.needed(window, count);
      List<Integer> free = SlotLanes.takeable(opens, needed, now);
      if (free.isEmpty()) {
        Instant first = SlotLanes.opensAt(opens, needed);
        opensAt = first.isAfter(opensAt) ? first : opensAt;
        if (window == windows.get(0)) {
          // the sender's own window: none of its chats goes before its first slot opens
          senderOpenings = opens.stream().sorted().skip(needed - 1L).toList();
        }
      }
      free.forEach(
          lane ->
              taken.add(
                  new SlotClaim.TakenSlot(
                      window,
                      lane,
                      SlotLanes.inFlight(window, held.get(lane), count, now, heldUntil),
                      held.get(lane),
                      count)));
    }
    if (!opensAt.equals(Instant.MIN)) {
      return new SlotClaim.Wait(opensAt, senderOpenings);
    }
    taken.forEach(slot -> lanesOf(slot.window()).set(slot.lane(), slot.heldUntil()));
    return new SlotClaim.Granted(taken);
  }

  @Override
  public synchronized void settle(SlotClaim.Granted granted, Instant ended) {
    for (SlotClaim.TakenSlot slot : granted.slots()) {
      List<Instant> held = lanesOf(slot.window());
      if (held.get(slot.lane()).equals(slot.heldUntil())) {
        held.set(slot.lane(), slot.afterSend(ended));
      }
    }
  }

  @Override
  public synchronized void pauseUntil(List<SendingWindow> windows, Instant until) {
    for (SendingWindow window : windows) {
      Instant paused = SlotLanes.paused(window, until);
      lanesOf(window).replaceAll(held -> held.isBefore(paused) ? paused : held);
    }
  }

  private List<Instant> lanesOf(SendingWindow window) {
    return lanes.computeIfAbsent(
        window.key(),
        key -> new ArrayList<>(Collections.nCopies(SlotLanes.lanes(window), Instant.EPOCH)));
  }
}
