package io.omnichannel.testkit.max;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/** Blocking waits for the Java inspection API, and the emulator's thread factory. */
final class Waiting {
  private Waiting() {}

  /** The future's value, or an AssertionError saying what did not happen in time. */
  static <T> T await(CompletableFuture<T> future, Duration timeout, Supplier<String> what) {
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

  /** Daemon threads, so a test that forgets close() cannot keep the JVM alive. */
  static ThreadFactory daemonThreads(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
