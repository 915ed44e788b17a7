package io.omnichannel.testkit.support;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * An append-only log that keeps the newest {@code cap} entries but counts all of them, and lets
 * callers wait (without polling) until the count reaches a number. Shared by the emulators.
 */
public final class CountedLog<T> {
  private final int cap;
  private final ArrayDeque<T> entries = new ArrayDeque<>();
  private final List<Waiter<T>> waiters = new ArrayList<>();
  private long total;

  private record Waiter<T>(long count, CompletableFuture<List<T>> future) {}

  public CountedLog(int cap) {
    this.cap = cap;
  }

  public void append(T entry) {
    List<Runnable> completions = new ArrayList<>();
    synchronized (this) {
      entries.addLast(entry);
      if (entries.size() > cap) {
        entries.removeFirst();
      }
      total++;
      for (Iterator<Waiter<T>> it = waiters.iterator(); it.hasNext(); ) {
        Waiter<T> waiter = it.next();
        if (waiter.future.isDone()) {
          it.remove();
        } else if (total >= waiter.count) {
          it.remove();
          List<T> snapshot = List.copyOf(entries);
          completions.add(() -> waiter.future.complete(snapshot));
        }
      }
    }
    completions.forEach(Runnable::run);
  }

  public synchronized List<T> snapshot() {
    return List.copyOf(entries);
  }

  public synchronized long total() {
    return total;
  }

  /** Completes with the kept entries once {@code count} entries were ever appended. */
  public synchronized CompletableFuture<List<T>> whenTotalReaches(long count) {
    if (total >= count) {
      return CompletableFuture.completedFuture(List.copyOf(entries));
    }
    CompletableFuture<List<T>> future = new CompletableFuture<>();
    waiters.add(new Waiter<>(count, future));
    return future;
  }
}
