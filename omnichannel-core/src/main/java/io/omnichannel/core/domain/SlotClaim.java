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

  /**
   * Not enough slots are open now; the earliest moment they can be is {@code opensAt}.
   *
   * @param firstOpenings when the claim's first window (the sender's own, a bot's) is itself full:
   *     when each of its slots may open again, earliest first — before the first no claim that
   *     names the window can be granted, whatever its other windows, so its sender's other rows
   *     need not be tried, and after it one row per slot opened; empty when it is not full
   */
  record Wait(Instant opensAt, List<Instant> firstOpenings) implements SlotClaim {
    public Wait {
      Objects.requireNonNull(opensAt, "opensAt");
      firstOpenings = firstOpenings.stream().sorted().toList();
    }

    /** A wait that says nothing of the first window by itself. */
    public Wait(Instant opensAt) {
      this(opensAt, List.of());
    }
  }

  /**
   * One lane of a window taken by a send in flight: it holds {@code heldUntil} (the claim's own
   * moment, as if the send ended when it would time out, should its instance die before settling)
   * until the send is settled; {@code before} is what it held before and {@code parts} how many
   * sends the claim made, which the lane's next moment is reckoned from ({@link SlotLanes}).
   */
  record TakenSlot(SendingWindow window, int lane, Instant heldUntil, Instant before, int parts) {
    public TakenSlot {
      Objects.requireNonNull(window, "window");
      Objects.requireNonNull(heldUntil, "heldUntil");
      Objects.requireNonNull(before, "before");
    }

    /** A lane of a sliding window, free before (what it held does not count then). */
    public TakenSlot(SendingWindow window, int lane, Instant heldUntil) {
      this(window, lane, heldUntil, Instant.EPOCH, 1);
    }

    /** What the lane holds once the send ended at {@code ended}. */
    public Instant afterSend(Instant ended) {
      return SlotLanes.afterSend(window, before, parts, ended);
    }
  }
}
