package io.omnichannel.oneconnect;

import io.omnichannel.core.port.in.InboundGateway.Acceptance;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A connection's bot hook and line hook both carry each line event (see {@code
 * OneConnectPlatform.subscribe}), so every event arrives twice under one {@code message_id}. The
 * copy that comes second is answered here without asking the store: while the first is being stored
 * it waits for that, and once it was stored (or known) it is a duplicate. A copy whose first failed
 * is stored as any event. The inbox's unique event id still decides between instances.
 */
final class HookCopies {
  /** Events remembered per instance: the two copies of an event arrive moments apart. */
  static final int REMEMBERED = 10_000;

  private final Map<String, CompletableFuture<Acceptance>> storing = new ConcurrentHashMap<>();
  private final Map<String, Boolean> stored =
      new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
          return size() > REMEMBERED;
        }
      };

  /** {@code store}'s answer for the first copy of {@code key}; DUPLICATE for a later one. */
  Acceptance accept(String key, Supplier<Acceptance> store) {
    if (wasStored(key)) {
      return Acceptance.DUPLICATE;
    }
    CompletableFuture<Acceptance> mine = new CompletableFuture<>();
    CompletableFuture<Acceptance> first = storing.putIfAbsent(key, mine);
    if (first != null) {
      try {
        if (isStored(first.join())) {
          return Acceptance.DUPLICATE;
        }
      } catch (CompletionException failed) {
        // the first copy was not stored: this one is stored as any event
      }
      return store.get();
    }
    try {
      Acceptance acceptance = store.get();
      if (isStored(acceptance)) {
        remember(key);
      }
      mine.complete(acceptance);
      return acceptance;
    } catch (RuntimeException | Error failure) {
      mine.completeExceptionally(failure);
      throw failure;
    } finally {
      storing.remove(key, mine);
    }
  }

  private static boolean isStored(Acceptance acceptance) {
    return acceptance == Acceptance.STORED || acceptance == Acceptance.DUPLICATE;
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
