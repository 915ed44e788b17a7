package io.omnichannel.core.fakes;

import io.omnichannel.core.port.out.Claimed;
import io.omnichannel.core.port.out.WorkQueue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A work queue in memory with the semantics the database queues must have: leases, per-key order
 * (only the oldest unfinished row of a key can be claimed), retry times, dead rows.
 */
public class InMemoryQueue<T> implements WorkQueue<T> {
  /** One row and its bookkeeping. */
  public static final class Row<T> {
    final long id;
    final T item;
    final String key;
    int attempts;
    Instant dueAt;
    Instant leasedUntil;
    boolean done;
    String deadReason;
    String lastError;

    Row(long id, T item, String key, Instant dueAt) {
      this.id = id;
      this.item = item;
      this.key = key;
      this.dueAt = dueAt;
    }

    public T item() {
      return item;
    }

    public boolean done() {
      return done;
    }

    public Optional<String> deadReason() {
      return Optional.ofNullable(deadReason);
    }

    public int attempts() {
      return attempts;
    }

    public Instant dueAt() {
      return dueAt;
    }

    public Optional<String> lastError() {
      return Optional.ofNullable(lastError);
    }
  }

  private final List<Row<T>> rows = new ArrayList<>();
  private final Function<T, String> orderingKey;
  private long nextId = 1;

  public InMemoryQueue(Function<T, String> orderingKey) {
    this.orderingKey = orderingKey;
  }

  protected synchronized long add(T item) {
    Row<T> row = new Row<>(nextId++, item, orderingKey.apply(item), Instant.EPOCH);
    rows.add(row);
    return row.id;
  }

  @Override
  public synchronized Optional<Claimed<T>> claimNext(Instant now, Duration lease) {
    Set<String> blockedKeys = new HashSet<>();
    for (Row<T> row : rows) {
      if (row.done || row.deadReason != null) {
        continue;
      }
      if (blockedKeys.contains(row.key)) {
        continue;
      }
      blockedKeys.add(row.key);
      boolean leased = row.leasedUntil != null && row.leasedUntil.isAfter(now);
      if (!leased && !row.dueAt.isAfter(now)) {
        row.attempts++;
        row.leasedUntil = now.plus(lease);
        return Optional.of(new Claimed<>(row.id, row.item, row.attempts));
      }
    }
    return Optional.empty();
  }

  @Override
  public synchronized void complete(long id) {
    Row<T> row = row(id);
    row.done = true;
    row.leasedUntil = null;
  }

  @Override
  public synchronized void retryAt(long id, Instant next, String reason) {
    Row<T> row = row(id);
    row.dueAt = next;
    row.leasedUntil = null;
    row.lastError = reason;
  }

  @Override
  public synchronized void postpone(long id, Instant next, String reason) {
    retryAt(id, next, reason);
    row(id).attempts--;
  }

  @Override
  public synchronized void bury(long id, String reason) {
    Row<T> row = row(id);
    row.deadReason = reason;
    row.leasedUntil = null;
  }

  public synchronized List<Row<T>> rows() {
    return List.copyOf(rows);
  }

  public synchronized List<T> pending() {
    return rows.stream().filter(r -> !r.done && r.deadReason == null).map(r -> r.item).toList();
  }

  public synchronized List<Row<T>> dead() {
    return rows.stream().filter(r -> r.deadReason != null).toList();
  }

  private Row<T> row(long id) {
    return rows.stream()
        .filter(r -> r.id == id)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no row " + id));
  }
}
