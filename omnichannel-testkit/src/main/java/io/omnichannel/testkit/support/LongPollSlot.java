package io.omnichannel.testkit.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The one long poll a bot may have waiting, and the tests waiting for one to be there. Not
 * thread-safe: the owner calls it under its own monitor and answers the polls it hands back after
 * releasing the monitor, so no caller's continuation runs under it.
 *
 * @param <Q> what the poll asked (e.g. its limit)
 * @param <A> its answer
 */
public final class LongPollSlot<Q, A> {
  private final List<CompletableFuture<Void>> watchers = new ArrayList<>();
  private Poll<Q, A> held;

  /** A poll the emulator holds until something comes or its time is up. */
  public static final class Poll<Q, A> {
    private final Q query;
    private final CompletableFuture<A> answer = new CompletableFuture<>();
    private final List<CompletableFuture<Void>> watchers;
    private volatile ScheduledFuture<?> timeout;

    private Poll(Q query, List<CompletableFuture<Void>> watchers) {
      this.query = query;
      this.watchers = watchers;
    }

    public Q query() {
      return query;
    }

    /**
     * Once the owner released its monitor: arms the timeout ({@code expire} runs at once when the
     * emulator is closing), tells the tests the poll is waiting, and gives the answer to come.
     */
    public CompletableFuture<A> start(
        ScheduledExecutorService scheduler, long timeoutSeconds, Runnable expire) {
      try {
        timeout = scheduler.schedule(expire, timeoutSeconds, TimeUnit.SECONDS);
      } catch (RejectedExecutionException closing) {
        expire.run();
      }
      watchers.forEach(watcher -> watcher.complete(null));
      return answer;
    }

    public void complete(A value) {
      cancelTimeout();
      answer.complete(value);
    }

    public void fail(Throwable error) {
      cancelTimeout();
      answer.completeExceptionally(error);
    }

    private void cancelTimeout() {
      ScheduledFuture<?> armed = timeout;
      if (armed != null) {
        armed.cancel(false);
      }
    }
  }

  /** The waiting poll, or null. */
  public Poll<Q, A> held() {
    return held;
  }

  /** Removes the waiting poll and gives it (or null) to be answered. */
  public Poll<Q, A> take() {
    Poll<Q, A> taken = held;
    held = null;
    return taken;
  }

  /** Removes this poll if it is still the one waiting (an expiry racing an answer). */
  public boolean takeIf(Poll<Q, A> poll) {
    if (held != poll) {
      return false;
    }
    held = null;
    return true;
  }

  /** A new waiting poll; the caller took the one before. Start it after releasing the monitor. */
  public Poll<Q, A> hold(Q query) {
    held = new Poll<>(query, List.copyOf(watchers));
    watchers.clear();
    return held;
  }

  /** Completes once a poll is waiting (now or later): tests use it instead of sleeping. */
  public CompletableFuture<Void> whenHeld() {
    if (held != null) {
      return CompletableFuture.completedFuture(null);
    }
    CompletableFuture<Void> watcher = new CompletableFuture<>();
    watchers.add(watcher);
    return watcher;
  }
}
