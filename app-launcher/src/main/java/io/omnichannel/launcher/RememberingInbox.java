package io.omnichannel.launcher;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import io.omnichannel.core.domain.InboundRecord;
import io.omnichannel.core.port.out.EventInbox;
import io.omnichannel.launcher.work.ForwardingEventInbox;
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
final class RememberingInbox extends ForwardingEventInbox {
  /** Events remembered: the two copies of an event arrive moments apart. */
  static final int REMEMBERED = 10_000;

  private final Map<String, CompletableFuture<Boolean>> storing = new ConcurrentHashMap<>();
  private final Cache<String, Boolean> stored =
      CacheBuilder.newBuilder().maximumSize(REMEMBERED).build();

  RememberingInbox(EventInbox inbox) {
    super(inbox);
  }

  /** Stores the event; false for a copy of one this instance stored or found stored lately. */
  @Override
  public boolean store(InboundRecord record) {
    String key = record.eventId();
    if (stored.getIfPresent(key) != null) {
      return false;
    }
    CompletableFuture<Boolean> mine = new CompletableFuture<>();
    CompletableFuture<Boolean> first = storing.putIfAbsent(key, mine);
    if (first != null) {
      try {
        first.join();
        return false; // stored by the first copy, or found stored
      } catch (CompletionException failed) {
        return super.store(record); // the first copy was not stored: this one is, as any event
      }
    }
    if (stored.getIfPresent(key) != null) {
      // the first copy ended between the two looks (it is remembered before it stops storing)
      storing.remove(key, mine);
      mine.complete(false);
      return false;
    }
    try {
      boolean fresh = super.store(record);
      stored.put(key, Boolean.TRUE);
      mine.complete(fresh);
      return fresh;
    } catch (RuntimeException | Error failure) {
      mine.completeExceptionally(failure);
      throw failure;
    } finally {
      storing.remove(key, mine);
    }
  }
}
