package io.omnichannel.core.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The rule behind every {@code SendingBudget}: a window of n slots is n lanes, each free from a
 * moment on. A send takes the lanes that free first; it may go when each window has enough free
 * lanes, else it waits for the latest of those lanes to free. "At most n in any span" then holds
 * exactly: a lane is taken again only a span after its previous send ended.
 */
public final class SlotLanes {
  private SlotLanes() {}

  /** How many slots a send of {@code parts} takes in {@code window}: never more than it has. */
  public static int needed(SendingWindow window, int parts) {
    return Math.max(1, Math.min(parts, window.slots()));
  }

  /**
   * The lanes to take (the earliest free first), or empty when they are not all free at {@code
   * now}.
   *
   * @param freeAt when each lane frees, by lane number ({@code freeAt.size() == window.slots()})
   */
  public static List<Integer> takeable(List<Instant> freeAt, int count, Instant now) {
    List<Integer> earliest = earliest(freeAt, count);
    return freeAt.get(earliest.get(earliest.size() - 1)).isAfter(now) ? List.of() : earliest;
  }

  /** The lanes free at {@code now}, any of which a send may take. */
  public static List<Integer> freeNow(List<Instant> freeAt, Instant now) {
    List<Integer> free = new ArrayList<>();
    for (int lane = 0; lane < freeAt.size(); lane++) {
      if (!freeAt.get(lane).isAfter(now)) {
        free.add(lane);
      }
    }
    return free;
  }

  /** When {@code count} lanes are free at the earliest. */
  public static Instant opensAt(List<Instant> freeAt, int count) {
    List<Integer> earliest = earliest(freeAt, count);
    return freeAt.get(earliest.get(earliest.size() - 1));
  }

  private static List<Integer> earliest(List<Instant> freeAt, int count) {
    List<Integer> lanes = new ArrayList<>(IntStream.range(0, freeAt.size()).boxed().toList());
    lanes.sort(Comparator.comparing(freeAt::get));
    return lanes.subList(0, Math.min(count, lanes.size()));
  }
}
