package io.omnichannel.persistence;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Waiting on a latch inside a task, where a checked exception cannot go. */
final class Latches {
  private Latches() {}

  /** Waits until the latch is released; a test thread stuck for 30 s fails instead. */
  static void awaitReleased(CountDownLatch latch) {
    try {
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("never released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
