package io.omnichannel.persistence;

import io.omnichannel.core.domain.Connection;
import io.omnichannel.core.domain.ConnectionId;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Connections by id, read once and kept for a short while: every relayed message needs its
 * connection twice (the hook that stores it, the worker that relays it), and reading one means a
 * row and three secrets to unseal. A change made by this instance drops the whole cache at once and
 * again after its commit; a change made by another instance on the same database is seen once the
 * entry is older than {@code timeToLive} (seconds: a connection changes when a specialist connects,
 * reconnects or disconnects a bot, or when a relay marks its state, and a message relayed in those
 * seconds is handled as it would have been a moment earlier). A version column checked on every
 * read would cost the statement the cache saves.
 */
final class ConnectionCache {
  private record Entry(Optional<Connection> connection, long loadedAt) {}

  private final Map<ConnectionId, Entry> entries = new ConcurrentHashMap<>();
  private final AtomicLong generation = new AtomicLong();
  private final long timeToLiveNanos;
  private final LongSupplier nanoTime;

  ConnectionCache(Duration timeToLive, LongSupplier nanoTime) {
    this.timeToLiveNanos = timeToLive.toNanos();
    this.nanoTime = nanoTime;
  }

  /**
   * The cached connection, or what {@code load} reads; what was read is kept only when no change
   * happened meanwhile, and {@code cacheable} says whether it may be kept at all (not inside a
   * transaction, whose writes may still be undone).
   */
  Optional<Connection> get(
      ConnectionId id, Supplier<Optional<Connection>> load, boolean cacheable) {
    long now = nanoTime.getAsLong();
    Entry cached = entries.get(id);
    if (cached != null && now - cached.loadedAt() < timeToLiveNanos) {
      return cached.connection();
    }
    long seen = generation.get();
    Optional<Connection> loaded = load.get();
    if (cacheable && loaded.isPresent()) {
      entries.put(id, new Entry(loaded, now));
      if (generation.get() != seen) {
        entries.remove(id); // changed while it was read: the next read goes to the database
      }
    }
    return loaded;
  }

  /** Forgets everything: called on every change, before it is written and after it commits. */
  void invalidate() {
    generation.incrementAndGet();
    entries.clear();
  }
}
