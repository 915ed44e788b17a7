package io.omnichannel.messenger.support;

import io.omnichannel.core.domain.SendingWindow;
import io.omnichannel.core.domain.SlotClaim;
import io.omnichannel.core.domain.SlotLanes;
import io.omnichannel.core.domain.failure.AwaitingSlot;
import io.omnichannel.core.domain.failure.RateLimited;
import io.omnichannel.core.port.out.SendingBudget;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * B2 for a messenger's sends, in the budget all instances share: the requests of one message take
 * their slots in every window at once (the sender's first, its chat's second), or nothing is sent
 * and {@link AwaitingSlot} says when they open — no thread waits. A slot counts from when its
 * request returned (and {@link #CLOCK_MARGIN}), so the pacing holds whatever the network's delay. A
 * 429 closes the windows for the wait the messenger asked for. Which windows a chat has is the
 * messenger's own.
 */
public final class BudgetedSends {
  /**
   * Counted on top of the moment a call returned: a virtual machine's wall clock steps against the
   * steady time a messenger counts by (up to 0.15 ms within a second measured on the development
   * machine), and one instance's clock differs from another's; a slot counted to the microsecond
   * could be taken that much early.
   */
  static final Duration CLOCK_MARGIN = Duration.ofMillis(1);

  private final SendingBudget budget;
  private final Clock clock;

  public BudgetedSends(SendingBudget budget, Clock clock) {
    this.budget = budget;
    this.clock = clock;
  }

  /**
   * Runs the calls of one message (its parts) in one claim of {@code calls.size()} slots, so a
   * message never stops halfway for want of a slot.
   *
   * @param windows the sender's window first (all its chats'), then the chat's own
   * @param inFlight how long a call may take: its slots stay taken that long should this instance
   *     die before it returned
   * @return when the chat's next message may go, if its window is full after this one: known for a
   *     token bucket (a private chat's burst), whose one lane says it; a sliding window's other
   *     lanes may be another instance's, so nothing is said of one
   */
  public Optional<Instant> send(
      List<SendingWindow> windows, Duration inFlight, List<Runnable> calls) {
    Instant now = clock.instant();
    SlotClaim claim = budget.claim(windows, calls.size(), now, now.plus(inFlight));
    if (claim instanceof SlotClaim.Wait wait) {
      throw new AwaitingSlot(wait.opensAt(), wait.firstOpenings());
    }
    SlotClaim.Granted granted = (SlotClaim.Granted) claim;
    RateLimited limited = null;
    Instant countedFrom;
    try {
      calls.forEach(Runnable::run);
    } catch (RateLimited tooMany) {
      limited = tooMany;
      throw tooMany;
    } finally {
      countedFrom = clock.instant().plus(CLOCK_MARGIN);
      budget.settle(granted, countedFrom);
      if (limited != null) {
        budget.pauseUntil(windows, countedFrom.plus(limited.retryAfter()));
      }
    }
    return chatOpensAt(granted, windows.get(windows.size() - 1), countedFrom);
  }

  private static Optional<Instant> chatOpensAt(
      SlotClaim.Granted granted, SendingWindow chat, Instant ended) {
    if (chat.refill() != SendingWindow.Refill.TOKEN_BUCKET) {
      return Optional.empty();
    }
    return granted.slots().stream()
        .filter(slot -> slot.window().equals(chat))
        .map(slot -> SlotLanes.opensAt(chat, slot.afterSend(ended), 1))
        .filter(opens -> opens.isAfter(ended))
        .findFirst();
  }
}
