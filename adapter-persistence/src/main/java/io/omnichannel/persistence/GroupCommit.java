package io.omnichannel.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Writes that arrive together share one commit (group commit). Up to {@code leaders} batches are
 * written at a time, each on its own connection; a write that finds them all busy waits, and the
 * first waiting caller to find a free slot becomes the leader of everything waiting then, written
 * in one transaction while the others wait; each caller returns only once its write is committed,
 * with its own result. A lone write runs in auto-commit as before (no transaction, no waiting): the
 * batching costs nothing at low load and only gathers what queued while the slots were busy. More
 * than one slot keeps the writes from all queueing behind one connection's round trips.
 *
 * <p>A batch that fails is rolled back whole and every caller in it gets the failure: none of its
 * writes is acknowledged. A deadlock victim is run again whole by {@link Db#inTransaction}. Inside
 * a transaction of the caller's own, the write simply joins that one.
 */
final class GroupCommit {
  private static final class Pending<R> {
    private final Supplier<R> work;
    private R result;
    private RuntimeException failure;
    private boolean taken;
    private boolean done;

    Pending(Supplier<R> work) {
      this.work = work;
    }

    void run() {
      result = work.get();
    }

    R outcome() {
      if (failure != null) {
        throw failure;
      }
      return result;
    }
  }

  private final Db db;
  private final int maxBatch;
  private final int leaders;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition written = lock.newCondition();
  private List<Pending<?>> waiting = new ArrayList<>();
  private int leading;

  GroupCommit(Db db, int maxBatch, int leaders) {
    this.db = db;
    this.maxBatch = maxBatch;
    this.leaders = Math.max(1, leaders);
  }

  /** Runs {@code work} (database writes only) and returns its result once it is committed. */
  <R> R run(Supplier<R> work) {
    if (db.inTransaction()) {
      return work.get();
    }
    Pending<R> mine = new Pending<>(work);
    List<Pending<?>> batch;
    lock.lock();
    try {
      waiting.add(mine);
      // a write taken into another's batch waits for that batch, whatever slot is free
      while (!mine.done && (mine.taken || leading >= leaders)) {
        written.awaitUninterruptibly();
      }
      if (mine.done) {
        return mine.outcome();
      }
      leading++;
      // a caller leads only a batch it is in: its own write first, then the oldest waiting
      waiting.remove(mine);
      List<Pending<?>> others = waiting.subList(0, Math.min(maxBatch - 1, waiting.size()));
      batch = new ArrayList<>(others.size() + 1);
      batch.add(mine);
      batch.addAll(others);
      others.clear();
      batch.forEach(pending -> pending.taken = true);
    } finally {
      lock.unlock();
    }
    try {
      write(batch);
    } finally {
      lock.lock();
      try {
        batch.forEach(pending -> pending.done = true);
        leading--;
        written.signalAll();
      } finally {
        lock.unlock();
      }
    }
    return mine.outcome();
  }

  private static void write(List<Pending<?>> batch, Db db) {
    if (batch.size() == 1) {
      Pending<?> lone = batch.get(0);
      try {
        lone.run();
      } catch (RuntimeException failure) {
        lone.failure = failure;
      }
      return;
    }
    try {
      db.inTransaction(
          () -> {
            batch.forEach(Pending::run);
            return null;
          });
    } catch (RuntimeException failure) {
      // rolled back whole: none of the batch is stored
      batch.forEach(pending -> pending.failure = failure);
    } catch (Error error) {
      IllegalStateException failure = new IllegalStateException("the batch failed", error);
      batch.forEach(pending -> pending.failure = failure);
      throw error;
    }
  }

  /** How many writes wait for a batch to be written (for tests). */
  int waiting() {
    lock.lock();
    try {
      return waiting.size();
    } finally {
      lock.unlock();
    }
  }

  private void write(List<Pending<?>> batch) {
    write(batch, db);
  }
}
