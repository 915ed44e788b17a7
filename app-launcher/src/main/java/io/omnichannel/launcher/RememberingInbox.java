package io.omnichannel.launcher;

import io.omnichannel.core.domain.InboundRecord;
import io.omnichannel.core.port.out.Claimed;
import io.omnichannel.core.port.out.EventInbox;
import io.omnichannel.core.port.out.InboxNeighbour;
import io.omnichannel.launcher.work.ForwardingQueue;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The inbox, remembering the events this instance stored lately. A 1C-Connect connection's bot hook
 * and line hook both carry each line event, so every event arrives twice under one id: the copy
 * that comes second is answered here as a duplicate without a statement — while the first is being
 * stored it waits for that, and once it was stored (or known) it is one. A copy whose first failed
 * is stored as any event; between instances the inbox's unique event id still decides.
 */
final class RememberingInbox extends ForwardingQueue<InboundRecord> implements EventInbox {
  /** Events remembered: the two copies of an event arrive moments apart. */
  static final int REMEMBERED = 10_000;

  private final EventInbox inbox;
  private final Map<String, CompletableFuture<Boolean>> storing = new ConcurrentHashMap<>();
  private final Map<String, Boolean> stored =
      new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
          return size() > REMEMBERED;
        }
      };

  RememberingInbox(EventInbox inbox) {
    super(inbox);
    this.inbox = inbox;
  }

  /** Stores the event; false for a copy of one this instance stored or found stored lately. */
  @Override
  public boolean store(InboundRecord record) {
    String key = record.eventId();
    if (wasStored(key)) {
      return false;
    }
    CompletableFuture<Boolean> mine = new CompletableFuture<>();
    CompletableFuture<Boolean> first = storing.putIfAbsent(key, mine);
    if (first != null) {
      try {
        first.join();
        return false; // stored by the first copy, or found stored
      } catch (CompletionException failed) {
        return inbox.store(record); // the first copy was not stored: this one is, as any event
      }
    }
    try {
      boolean fresh = inbox.store(record);
      remember(key);
      mine.complete(fresh);
      return fresh;
    } catch (RuntimeException | Error failure) {
      mine.completeExceptionally(failure);
      throw failure;
    } finally {
      storing.remove(key, mine);
    }
  }

  @Override
  public List<InboxNeighbour> neighboursSince(Claimed<InboundRecord> claimed, Instant since) {
    return inbox.neighboursSince(claimed, since);
  }

  @Override
  public void completeSoon(Claimed<InboundRecord> claimed) {
    inbox.completeSoon(claimed);
  }

  @Override
  public void completeGathered(Claimed<InboundRecord> claimed, List<Long> gathered) {
    inbox.completeGathered(claimed, gathered);
  }

  private boolean wasStored(String key) {
    synchronized (stored) {
      return stored.containsKey(key);
    }
  }

  private void remember(String key) {
    synchronized (stored) {
      stored.put(key, Boolean.TRUE);
    }
  }
}
