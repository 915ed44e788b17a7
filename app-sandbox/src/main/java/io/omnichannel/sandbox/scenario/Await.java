package io.omnichannel.sandbox.scenario;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits until a condition yields a value, looking every few milliseconds; fails with what was
 * awaited. For what only polling shows (the gateway's /metrics and admin API); the emulators signal
 * their own events.
 */
public final class Await {
  private Await() {}

  public static <T> T until(Supplier<Optional<T>> probe, Duration timeout, String what) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Optional<T> found = probe.get();
      if (found.isPresent()) {
        return found.get();
      }
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError(
            "timed out after " + timeout.toSeconds() + " s waiting for " + what);
      }
      try {
        Thread.sleep(25);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for " + what, interrupted);
      }
    }
  }

  public static void until(BooleanSupplier condition, Duration timeout, String what) {
    until(
        () -> condition.getAsBoolean() ? Optional.of(Boolean.TRUE) : Optional.empty(),
        timeout,
        what);
  }
}
