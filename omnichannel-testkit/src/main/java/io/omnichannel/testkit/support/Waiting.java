package io.omnichannel.testkit.support;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** Blocking waits for the emulators' Java inspection APIs, and their thread factory. */
public final class Waiting {
  private Waiting() {}

  /** The future's value, or an AssertionError saying what did not happen in time. */
  public static <T> T await(CompletableFuture<T> future, Duration timeout, Supplier<String> what) {
    try {
      return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      future.cancel(false);
      throw new AssertionError("timed out after " + timeout + ": " + what.get());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  /**
   * Daemon threads named {@code <prefix>-<n>}, so a test that forgets close() cannot keep the JVM
   * alive.
   */
  public static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger counter = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /** Stops the executors, waiting up to 5 s for each to finish what it runs. */
  public static void shutDown(ExecutorService... executors) {
    for (ExecutorService executor : executors) {
      executor.shutdownNow();
    }
    try {
      for (ExecutorService executor : executors) {
        executor.awaitTermination(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
