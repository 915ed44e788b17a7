package io.omnichannel.launcher.work;

import static com.google.common.base.Preconditions.checkArgument;

import io.omnichannel.core.domain.LogSafe;
import io.omnichannel.core.port.in.QueueWorker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a queue's worker on a few threads. A thread that finds nothing to do waits until {@link
 * #wake()} (something was stored) or the idle interval passes (rows become due by time). {@link
 * #stop} lets each thread finish the row it holds, so nothing claimed is abandoned before its lease
 * would have to run out.
 */
public final class WorkerPool {
  private static final Logger LOG = LoggerFactory.getLogger(WorkerPool.class);

  private final String name;
  private final QueueWorker worker;
  private final Duration idle;
  private final List<Thread> threads = new ArrayList<>();
  private final AtomicBoolean running = new AtomicBoolean();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition work = lock.newCondition();
  private long wakeups;

  public WorkerPool(String name, QueueWorker worker, int threadCount, Duration idle) {
    checkArgument(threadCount >= 1, "at least one worker thread");
    this.name = name;
    this.worker = worker;
    this.idle = idle;
    for (int i = 1; i <= threadCount; i++) {
      Thread thread = new Thread(this::loop, name + "-worker-" + i);
      thread.setDaemon(false);
      threads.add(thread);
    }
  }

  public void start() {
    if (running.compareAndSet(false, true)) {
      threads.forEach(Thread::start);
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
      wakeups++;
      work.signalAll();
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
    wake();
  }

  public boolean awaitStopped(Duration grace) throws InterruptedException {
    long deadline = System.nanoTime() + grace.toNanos();
    boolean allEnded = true;
    for (Thread thread : threads) {
      long left = deadline - System.nanoTime();
      if (left > 0) {
        TimeUnit.NANOSECONDS.timedJoin(thread, left);
      }
      allEnded &= !thread.isAlive();
    }
    return allEnded;
  }

  private void loop() {
    while (running.get()) {
      long seen = wakeupsSoFar();
      boolean didWork;
      try {
        didWork = worker.processNext();
      } catch (RuntimeException unexpected) {
        // the queue itself failed (database down): the row stays claimable; wait and try again
        // the failure's text may quote an event's content: escaped to one line
        LOG.warn("{} worker failed: {}", name, LogSafe.of(unexpected));
        didWork = false;
      }
      if (!didWork) {
        awaitWork(seen);
      }
    }
  }

  private long wakeupsSoFar() {
    lock.lock();
    try {
      return wakeups;
    } finally {
      lock.unlock();
    }
  }

  private void awaitWork(long seen) {
    lock.lock();
    try {
      long nanos = idle.toNanos();
      while (running.get() && wakeups == seen && nanos > 0) {
        nanos = work.awaitNanos(nanos);
      }
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      running.set(false);
    } finally {
      lock.unlock();
    }
  }
}
