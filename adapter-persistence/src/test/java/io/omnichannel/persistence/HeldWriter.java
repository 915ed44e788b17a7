package io.omnichannel.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * A group commit's first write leading alone and held until {@code release}, so that the writes
 * after it queue into one batch.
 */
final class HeldWriter {
  private HeldWriter() {}

  /** Starts the held write (an inbox row "lone") and returns once it is inside its commit. */
  static Future<Long> hold(
      GroupCommit commits, Db raw, ExecutorService threads, CountDownLatch release)
      throws InterruptedException {
    CountDownLatch inside = new CountDownLatch(1);
    Future<Long> lone =
        threads.submit(
            () ->
                commits.run(
                    () -> {
                      long id = RawInbox.insert(raw, "lone");
                      inside.countDown();
                      Latches.awaitReleased(release);
                      return id;
                    }));
    assertThat(inside.await(30, TimeUnit.SECONDS)).isTrue();
    return lone;
  }

  /** Returns once {@code writes} writes wait behind the held one. */
  static void awaitQueued(GroupCommit commits, int writes) {
    while (commits.waiting() < writes) {
      Thread.onSpinWait();
    }
  }
}
