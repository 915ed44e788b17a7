package io.omnichannel.core.fakes;

import io.omnichannel.core.domain.failure.ClaimLost;
import io.omnichannel.core.domain.failure.StorageUnavailable;
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
 * (only the oldest unfinished row of a key can be claimed), retry times, dead rows, calls fenced by
 * the claim. {@link #storageDown} makes every call fail as a database outage would.
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
    long token;
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

    public Optional<Instant> leasedUntil() {
      return Optional.ofNullable(leasedUntil);
    }
  }

  private final List<Row<T>> rows = new ArrayList<>();
  private final Function<T, String> orderingKey;
  private long nextId = 1;
  private long nextToken = 1;
  private boolean storageDown;

  public InMemoryQueue(Function<T, String> orderingKey) {
    this.orderingKey = orderingKey;
  }

  /** While down, every call fails with {@link StorageUnavailable}, as in a database outage. */
  public synchronized void storageDown(boolean down) {
    this.storageDown = down;
  }

  protected synchronized void checkStorage() {
    if (storageDown) {
      throw new StorageUnavailable("the database is down (fake)", null);
    }
  }

  protected synchronized long add(T item) {
    checkStorage();
    Row<T> row = new Row<>(nextId++, item, orderingKey.apply(item), Instant.EPOCH);
    rows.add(row);
    return row.id;
  }

  /**
   * The unfinished rows of {@code id}'s ordering key stored after it are due no earlier than at.
   */
  protected synchronized void notBefore(long id, Instant at) {
    String key = row(id).key;
    for (Row<T> row : rows) {
      if (row.id > id && row.key.equals(key) && !row.done && row.dueAt.isBefore(at)) {
        row.dueAt = at;
      }
    }
  }

  @Override
  public synchronized Optional<Claimed<T>> claimNext(Instant now, Duration lease) {
    checkStorage();
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
        row.token = nextToken++;
        return Optional.of(new Claimed<>(row.id, row.item, row.attempts, row.token));
      }
    }
    return Optional.empty();
  }

  @Override
  public synchronized boolean renew(Claimed<T> claimed, Instant until) {
    checkStorage();
    Row<T> row = row(claimed.id());
    if (row.token != claimed.token()) {
      return false;
    }
    row.leasedUntil = until;
    return true;
  }

  @Override
  public synchronized void complete(Claimed<T> claimed) {
    Row<T> row = held(claimed);
    row.done = true;
    release(row);
  }

  @Override
  public synchronized void retryAt(Claimed<T> claimed, Instant next, String reason) {
    Row<T> row = held(claimed);
    row.dueAt = next;
    row.lastError = reason;
    release(row);
  }

  @Override
  public synchronized void postpone(Claimed<T> claimed, Instant next, String reason) {
    retryAt(claimed, next, reason);
    row(claimed.id()).attempts--;
  }

  @Override
  public synchronized void bury(Claimed<T> claimed, String reason) {
    Row<T> row = held(claimed);
    row.deadReason = reason;
    release(row);
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

  private Row<T> held(Claimed<T> claimed) {
    checkStorage();
    Row<T> row = row(claimed.id());
    if (row.token != claimed.token()) {
      throw new ClaimLost("row " + claimed.id() + " is held by another claim");
    }
    return row;
  }

  private static void release(Row<?> row) {
    row.leasedUntil = null;
    row.token = 0;
  }

  private Row<T> row(long id) {
    return rows.stream()
        .filter(r -> r.id == id)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no row " + id));
  }
}
