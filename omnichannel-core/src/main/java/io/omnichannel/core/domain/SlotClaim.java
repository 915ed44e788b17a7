package io.omnichannel.core.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** What a {@code SendingBudget} answers to a claim: the slots are taken, or when they open. */
public sealed interface SlotClaim {

  /** The slots are this caller's; it sends now, then settles them with the time it finished. */
  record Granted(List<TakenSlot> slots) implements SlotClaim {
    public Granted {
      slots = List.copyOf(slots);
    }
  }

  /** Not enough slots are open now; the earliest moment they can be is {@code opensAt}. */
  record Wait(Instant opensAt) implements SlotClaim {
    public Wait {
      Objects.requireNonNull(opensAt, "opensAt");
    }
  }

  /**
   * One lane of a window held by a send in flight until {@code heldUntil} (should its instance die
   * before settling), then for {@code span} after the send ended.
   */
  record TakenSlot(SendingWindow window, int lane, Instant heldUntil) {
    public TakenSlot {
      Objects.requireNonNull(window, "window");
      Objects.requireNonNull(heldUntil, "heldUntil");
    }
  }
}
