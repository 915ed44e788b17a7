package io.omnichannel.launcher.work;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
  private final Set<Instant> pendingOnce = ConcurrentHashMap.newKeySet();
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

  /**
   * Wakes one worker at {@code due} unless a wake is already set for that moment: a worker that
   * claims something claims again at once, so one wake drains what is due then, and the rows, slots
   * and empty claims that name the same moment set it once.
   */
  public void wakeOnceAt(Instant due) {
    if (!pendingOnce.add(due)) {
      return;
    }
    long delay = Math.max(0, Duration.between(clock.instant(), due).toNanos());
    if (!timer.isShutdown()) {
      timer.schedule(
          () -> {
            pendingOnce.remove(due);
            wake.run();
          },
          delay,
          TimeUnit.NANOSECONDS);
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
