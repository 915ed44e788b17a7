package io.omnichannel.core.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The rule behind every {@code SendingBudget}: a window is kept as lanes, each holding one moment.
 *
 * <p>A sliding window of n slots is n lanes, each free from its moment on: a send takes lanes free
 * now, and a lane is taken again only a span after its previous send ended, so "at most n in any
 * span" holds exactly. A token bucket is one lane holding when the bucket is full again: a send of
 * k parts may go while that is at most (burst − k) refills away, and puts it k refills further from
 * when the send ended — the messenger's bucket (which counted each part at some moment before) is
 * never emptier than that.
 *
 * <p>While a send is in flight its lanes hold a moment of the claim's own, as if the send ended
 * when its call would time out: should its instance die, the slots free by themselves.
 */
public final class SlotLanes {
  private SlotLanes() {}

  /** How many lanes the budget keeps for {@code window}. */
  public static int lanes(SendingWindow window) {
    return bucket(window) ? 1 : window.slots();
  }

  /** How many lanes a send of {@code parts} takes in {@code window}: never more than it has. */
  public static int needed(SendingWindow window, int parts) {
    return bucket(window) ? 1 : slots(window, parts);
  }

  /** When a lane holding {@code held} can be taken by a send of {@code parts}. */
  public static Instant opensAt(SendingWindow window, Instant held, int parts) {
    if (!bucket(window)) {
      return held;
    }
    return held.minus(window.span().multipliedBy(window.slots() - slots(window, parts)));
  }

  /**
   * What a lane that held {@code before} holds while a send of {@code parts}, claimed at {@code
   * now}, is in flight. A sliding window's lane is held as if the send ended when its call would
   * time out (it may have arrived any time before: a group's 60 s span can outlast the timeout),
   * which the window's other lanes bear meanwhile; a token bucket has one lane, so its send counts
   * as ending at the latest a span after the claim — else a sender killed mid-call would stall its
   * chat for the whole call timeout (the chat's sends are one at a time anyway, and a request still
   * arriving later at worst earns a 429, whose retry_after is honoured).
   */
  public static Instant inFlight(
      SendingWindow window, Instant before, int parts, Instant now, Instant timesOut) {
    if (!bucket(window)) {
      return timesOut.plus(window.span());
    }
    Instant spanLater = now.plus(window.span());
    return refilled(window, before, parts, timesOut.isBefore(spanLater) ? timesOut : spanLater);
  }

  /** What a lane that held {@code before} holds once a send of {@code parts} ended. */
  public static Instant afterSend(SendingWindow window, Instant before, int parts, Instant ended) {
    return bucket(window) ? refilled(window, before, parts, ended) : ended.plus(window.span());
  }

  /** What every lane of {@code window} holds at least so that no send goes before {@code until}. */
  public static Instant paused(SendingWindow window, Instant until) {
    return bucket(window) ? until.plus(window.span().multipliedBy(window.slots() - 1)) : until;
  }

  /**
   * The lanes to take (the earliest free first), or empty when they are not all free at {@code now}
   * (a sliding window's lanes).
   *
   * @param freeAt when each lane frees, by lane number ({@code freeAt.size() == window.slots()})
   */
  public static List<Integer> takeable(List<Instant> freeAt, int count, Instant now) {
    List<Integer> earliest = earliest(freeAt, count);
    return freeAt.get(earliest.get(earliest.size() - 1)).isAfter(now) ? List.of() : earliest;
  }

  /** The lanes a send of {@code parts} may take at {@code now}, any of them. */
  public static List<Integer> freeNow(
      SendingWindow window, List<Instant> held, int parts, Instant now) {
    List<Integer> free = new ArrayList<>();
    for (int lane = 0; lane < held.size(); lane++) {
      if (!opensAt(window, held.get(lane), parts).isAfter(now)) {
        free.add(lane);
      }
    }
    return free;
  }

  /** When {@code count} lanes are free at the earliest (a sliding window's lanes). */
  public static Instant opensAt(List<Instant> freeAt, int count) {
    List<Integer> earliest = earliest(freeAt, count);
    return freeAt.get(earliest.get(earliest.size() - 1));
  }

  private static boolean bucket(SendingWindow window) {
    return window.refill() == SendingWindow.Refill.TOKEN_BUCKET;
  }

  private static int slots(SendingWindow window, int parts) {
    return Math.max(1, Math.min(parts, window.slots()));
  }

  private static Instant refilled(SendingWindow window, Instant full, int parts, Instant at) {
    Instant from = full.isAfter(at) ? full : at;
    return from.plus(window.span().multipliedBy(slots(window, parts)));
  }

  private static List<Integer> earliest(List<Instant> freeAt, int count) {
    List<Integer> lanes = new ArrayList<>(IntStream.range(0, freeAt.size()).boxed().toList());
    lanes.sort(Comparator.comparing(freeAt::get));
    return lanes.subList(0, Math.min(count, lanes.size()));
  }
}
