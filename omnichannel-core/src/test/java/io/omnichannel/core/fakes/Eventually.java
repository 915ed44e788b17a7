package io.omnichannel.core.fakes;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Waiting for what another thread does, by checking it again and again (no fixed sleep). */
public final class Eventually {
  private Eventually() {}

  /** Returns once the condition holds; fails after the timeout, naming what it waited for. */
  public static void await(String what, Duration timeout, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      LockSupport.parkNanos(2_000_000);
    }
  }
}
