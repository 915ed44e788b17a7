package io.omnichannel.testkit.telegram;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The unconfirmed updates of one bot, oldest first, at most {@code cap} (the oldest is dropped
 * beyond). Not thread-safe: {@link UpdateQueue} calls it under its lock.
 */
final class PendingUpdates {
  private final int cap;
  private final ArrayDeque<PendingUpdate> updates = new ArrayDeque<>();

  PendingUpdates(int cap) {
    this.cap = cap;
  }

  void add(PendingUpdate update) {
    updates.addLast(update);
    if (updates.size() > cap) {
      updates.removeFirst();
    }
  }

  /**
   * getUpdates' offset: a positive one confirms all below it; a negative one keeps the last
   * -offset.
   */
  void confirm(long offset) {
    if (offset > 0) {
      while (!updates.isEmpty() && updates.peekFirst().updateId < offset) {
        updates.removeFirst();
      }
    } else if (offset < 0) {
      while (updates.size() > -offset) {
        updates.removeFirst();
      }
    }
  }

  /** The first {@code limit} updates the filter allows, as JSON; filtered-out ones are dropped. */
  ArrayNode firstAllowed(int limit, Set<String> allowed) {
    ArrayNode batch = Json.array();
    for (Iterator<PendingUpdate> it = updates.iterator(); it.hasNext() && batch.size() < limit; ) {
      PendingUpdate update = it.next();
      if (AllowedUpdates.allows(allowed, update.kind)) {
        batch.add(update.json);
      } else {
        it.remove();
      }
    }
    return batch;
  }

  /**
   * Marks in flight and returns what a webhook may receive now: per ordering key only the oldest
   * update, and no more in flight than {@code maxInFlight}.
   */
  List<PendingUpdate> claimDeliverable(int maxInFlight, Set<String> allowed) {
    int inFlight =
        (int) updates.stream().filter(u -> u.delivery == PendingUpdate.Delivery.IN_FLIGHT).count();
    List<PendingUpdate> claimed = new ArrayList<>();
    Set<Object> busyKeys = new HashSet<>();
    for (Iterator<PendingUpdate> it = updates.iterator();
        it.hasNext() && inFlight < maxInFlight; ) {
      PendingUpdate update = it.next();
      if (!AllowedUpdates.allows(allowed, update.kind)) {
        it.remove();
      } else if (busyKeys.add(update.orderingKey())
          && update.delivery == PendingUpdate.Delivery.IDLE) {
        update.delivery = PendingUpdate.Delivery.IN_FLIGHT;
        claimed.add(update);
        inFlight++;
      }
    }
    return claimed;
  }

  void remove(PendingUpdate update) {
    updates.remove(update);
  }

  void clear() {
    updates.clear();
  }

  /** Forget delivery progress: a new or removed webhook starts from the oldest update again. */
  void resetDeliveries() {
    updates.forEach(update -> update.delivery = PendingUpdate.Delivery.IDLE);
  }

  int size() {
    return updates.size();
  }
}
