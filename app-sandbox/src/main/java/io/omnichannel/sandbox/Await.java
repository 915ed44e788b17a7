package io.omnichannel.sandbox;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Waits until a condition yields a value, checking every few milliseconds; fails with what was
 * awaited.
 */
final class Await {
  private Await() {}

  static <T> T until(Supplier<Optional<T>> probe, Duration timeout, String what) {
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
}
