package io.omnichannel.launcher.work;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Wakes a pool's idle workers at the moment a postponed row becomes due (its sending slot opens),
 * so it goes then rather than at the workers' next idle look. One timer thread; no worker waits.
 */
public final class DueWakeups implements AutoCloseable {
  private final Runnable wake;
  private final Clock clock;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "outbox-due-wakeups");
            thread.setDaemon(true);
            return thread;
          });

  public DueWakeups(Runnable wake, Clock clock) {
    this.wake = wake;
    this.clock = clock;
  }

  public void wakeAt(Instant due) {
    long delay = Math.max(0, Duration.between(clock.instant(), due).toNanos());
    if (!timer.isShutdown()) {
      timer.schedule(wake, delay, TimeUnit.NANOSECONDS);
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
