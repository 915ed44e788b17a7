package io.omnichannel.messenger.support;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A messenger adapter's threads: a small fixed pool of daemons that runs HTTP completions and hands
 * updates to the core, and one timer that schedules polls and back-offs. Long polls hold sockets,
 * not threads, so many polling bots need no more.
 */
public final class MessengerThreads implements AutoCloseable {
  private final ExecutorService workers;
  private final ScheduledExecutorService timer;

  /**
   * @param name the threads' prefix ({@code <name>-io-1}, {@code <name>-timer-1})
   */
  public MessengerThreads(String name, int workers) {
    this.workers = Executors.newFixedThreadPool(workers, daemons(name + "-io"));
    this.timer = Executors.newSingleThreadScheduledExecutor(daemons(name + "-timer"));
  }

  public ExecutorService workers() {
    return workers;
  }

  public ScheduledExecutorService timer() {
    return timer;
  }

  /** Stops the timer and the workers, waiting briefly for the work under way. */
  @Override
  public void close() {
    timer.shutdownNow();
    workers.shutdownNow();
    try {
      workers.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static ThreadFactory daemons(String name) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
