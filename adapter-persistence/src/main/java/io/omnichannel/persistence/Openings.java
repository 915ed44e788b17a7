package io.omnichannel.persistence;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The slots of a full sender's window as this instance learnt them, earliest first: each one, once
 * open, lets one claim of this instance take a row of the sender. Spent when every slot was taken:
 * the sender is then claimed as any until a claim finds its window full again.
 */
final class Openings {
  private final Deque<Instant> left;

  Openings(List<Instant> openings) {
    this.left = new ArrayDeque<>(openings.stream().sorted().toList());
  }

  /** Takes a slot open at {@code now}; false while none is. */
  synchronized boolean take(Instant now) {
    Instant first = left.peekFirst();
    if (first == null) {
      return true;
    }
    if (first.isAfter(now)) {
      return false;
    }
    left.removeFirst();
    return true;
  }

  /** A slot taken by a claim that then lost its row to another worker: open again. */
  synchronized void giveBack(Instant now) {
    left.addFirst(now);
  }

  /** When the next slot opens, while none is open at {@code now}. */
  synchronized Optional<Instant> closedUntil(Instant now) {
    Instant first = left.peekFirst();
    return first != null && first.isAfter(now) ? Optional.of(first) : Optional.empty();
  }

  /** The first slot to open after {@code now}, if any is still to. */
  synchronized Optional<Instant> nextAfter(Instant now) {
    return left.stream().filter(slot -> slot.isAfter(now)).findFirst();
  }

  synchronized boolean spent() {
    return left.isEmpty();
  }
}
