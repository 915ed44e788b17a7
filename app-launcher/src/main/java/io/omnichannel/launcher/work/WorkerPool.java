package io.omnichannel.launcher.work;

import static com.google.common.base.Preconditions.checkArgument;

import io.omnichannel.core.domain.LogSafe;
import io.omnichannel.core.port.in.QueueWorker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs a queue's worker on a few threads. A thread that finds nothing to do waits until {@link
 * #wake()} (something was stored) or the idle interval passes (rows become due by time). Each wake
 * is one permit that rouses one idle thread (a thread that is busy comes back for more by itself),
 * so a stored row costs one look at the queue, not one per thread; a wake that finds no thread
 * waiting is kept for the next thread that would wait. {@link #stop} lets each thread finish the
 * row it holds, so nothing claimed is abandoned before its lease would have to run out.
 *
 * <p>A heartbeat asks the worker every {@code renewEvery} to renew the leases of the rows in hand
 * (it renews only those held for a while, so a quick row costs no statement): leases can be short,
 * and a killed instance's rows are free again within seconds, while a slow send keeps its row.
 */
public final class WorkerPool {
  private static final Logger LOG = LoggerFactory.getLogger(WorkerPool.class);

  private final String name;
  private final QueueWorker worker;
  private final Duration idleInterval;
  private final Duration renewEvery;
  private final ScheduledExecutorService heartbeat;
  private final List<Thread> threads = new ArrayList<>();
  private final AtomicBoolean running = new AtomicBoolean();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition work = lock.newCondition();
  private int permits;
  private int waiting;

  public WorkerPool(
      String name, QueueWorker worker, int threadCount, Duration idle, Duration renewEvery) {
    checkArgument(threadCount >= 1, "at least one worker thread");
    checkArgument(renewEvery.toMillis() >= 1, "the heartbeat needs an interval");
    this.name = name;
    this.worker = worker;
    this.idleInterval = idle;
    this.renewEvery = renewEvery;
    this.heartbeat =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, name + "-lease-renewal");
              thread.setDaemon(true);
              return thread;
            });
    for (int i = 1; i <= threadCount; i++) {
      Thread thread = new Thread(this::loop, name + "-worker-" + i);
      thread.setDaemon(false);
      threads.add(thread);
    }
  }

  public void start() {
    if (running.compareAndSet(false, true)) {
      threads.forEach(Thread::start);
      heartbeat.scheduleWithFixedDelay(
          this::renewLeases, renewEvery.toMillis(), renewEvery.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  public boolean isRunning() {
    return running.get() && threads.stream().allMatch(Thread::isAlive);
  }

  /**
   * Something new is waiting: idle threads look at once instead of at the end of their interval.
   */
  public void wake() {
    lock.lock();
    try {
      if (permits < threads.size()) {
        permits++;
      }
      work.signal();
    } finally {
      lock.unlock();
    }
  }

  /** How many threads wait for work with no wake pending for them. */
  public int idleThreads() {
    lock.lock();
    try {
      return Math.max(0, waiting - permits);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Stops taking new rows and waits for the rows in hand to finish; true when every thread ended in
   * time.
   */
  public boolean stop(Duration grace) throws InterruptedException {
    requestStop();
    return awaitStopped(grace);
  }

  /**
   * No thread takes a new row after this returns; rows in hand go on (so several pools stop
   * together).
   */
  public void requestStop() {
    running.set(false);
    lock.lock();
    try {
      work.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits for the rows in hand to finish (their leases renewed meanwhile), then stops the
   * heartbeat.
   */
  public boolean awaitStopped(Duration grace) throws InterruptedException {
    long deadline = System.nanoTime() + grace.toNanos();
    boolean allEnded = true;
    try {
      for (Thread thread : threads) {
        long left = deadline - System.nanoTime();
        if (left > 0) {
          TimeUnit.NANOSECONDS.timedJoin(thread, left);
        }
        allEnded &= !thread.isAlive();
      }
    } finally {
      heartbeat.shutdownNow();
    }
    return allEnded;
  }

  private void renewLeases() {
    try {
      worker.renewLeases();
    } catch (RuntimeException unexpected) {
      LOG.warn("{} lease renewal failed: {}", name, unexpected.toString());
    }
  }

  private void loop() {
    while (running.get()) {
      boolean didWork;
      try {
        didWork = worker.processNext();
      } catch (RuntimeException unexpected) {
        // the queue itself failed (database down): the row stays claimable; wait and try again
        // the failure's text may quote an event's content: escaped to one line
        LOG.warn("{} worker failed: {}", name, LogSafe.of(unexpected));
        didWork = false;
      } finally {
        // the row's correlation ids, put by the queue when it was claimed, end with it
        MDC.clear();
      }
      if (!didWork) {
        awaitWork();
      }
    }
  }

  private void awaitWork() {
    lock.lock();
    waiting++;
    try {
      long nanos = idleInterval.toNanos();
      while (running.get() && permits == 0 && nanos > 0) {
        nanos = work.awaitNanos(nanos);
      }
      if (permits > 0) {
        permits--;
      }
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      running.set(false);
    } finally {
      waiting--;
      lock.unlock();
    }
  }
}
