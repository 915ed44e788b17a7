package io.omnichannel.persistence;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Rows read once and kept for a short while: every relayed message needs its connection twice (the
 * hook that stores it, the worker that relays it), reading one means a row and three secrets to
 * unseal, and every send reads its account again. A change made by this instance drops the whole
 * cache at once and again after its commit; a change made by another instance on the same database
 * is seen once the entry is older than {@code timeToLive} (seconds: a connection changes when a
 * specialist connects, reconnects or disconnects a bot, or when a relay marks its state; an account
 * when its user blocks the bot, is banned or the bot leaves the group; a message relayed in those
 * seconds is handled as it would have been a moment earlier). A version column checked on every
 * read would cost the statement the cache saves. What was not found is not kept: a row another
 * instance adds is seen at once.
 */
final class ReadCache<K, V> {
  private record Entry<V>(V value, long loadedAt) {}

  private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
  private final AtomicLong generation = new AtomicLong();
  private final long timeToLiveNanos;
  private final LongSupplier nanoTime;

  ReadCache(Duration timeToLive, LongSupplier nanoTime) {
    this.timeToLiveNanos = timeToLive.toNanos();
    this.nanoTime = nanoTime;
  }

  /**
   * The cached value, or what {@code load} reads; what was read is kept only when no change
   * happened meanwhile, and {@code cacheable} says whether it may be kept at all (not inside a
   * transaction, whose writes may still be undone).
   */
  Optional<V> get(K key, Supplier<Optional<V>> load, boolean cacheable) {
    long now = nanoTime.getAsLong();
    Entry<V> cached = entries.get(key);
    if (cached != null && now - cached.loadedAt() < timeToLiveNanos) {
      return Optional.of(cached.value());
    }
    long seen = generation.get();
    Optional<V> loaded = load.get();
    if (cacheable && loaded.isPresent()) {
      entries.put(key, new Entry<>(loaded.get(), now));
      if (generation.get() != seen) {
        entries.remove(key); // changed while it was read: the next read goes to the database
      }
    }
    return loaded;
  }

  /** Forgets everything: called on every change, before it is written and after it commits. */
  void invalidate() {
    invalidate(key -> true);
  }

  /**
   * Forgets the entries a change can make stale (the others stay), and keeps none of the reads
   * under way: one of them may have read the row before the change.
   */
  void invalidate(Predicate<K> stale) {
    generation.incrementAndGet();
    entries.keySet().removeIf(stale);
  }
}
