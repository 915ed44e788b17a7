package io.omnichannel.persistence;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 *
 * <p>A write whose caller need not wait for it ({@link #runSoon}, a rider) is carried by the next
 * batch written, whoever's: it costs that batch a statement, not a commit of its own. One no other
 * write came to carry is written alone after a short linger; {@link #flush} writes them at once. A
 * rider lost with its batch (a failure, a crash) is only a write that never happened: it is for
 * writes whose loss the caller accepts.
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

  private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);

  /** What a flush writes of its own: it only makes a batch for the riders. */
  private static final Supplier<Object> NOTHING = () -> null;

  private final Db db;
  private final int maxBatch;
  private final int leaders;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition written = lock.newCondition();
  private List<Pending<?>> waiting = new ArrayList<>();
  private int leading;

  /** Writes no caller waits for, carried by the next batch (see {@link #runSoon}). */
  private List<Runnable> riders = new ArrayList<>();

  /** Counts the batches that took riders: a linger set for riders a batch took since is void. */
  private long ridersTaken;

  private final Optional<Linger> linger;

  /**
   * Who writes a rider no batch came to carry, after how long, and what runs once riders are
   * written (outside any lock).
   */
  record Linger(ScheduledExecutorService timer, Duration after, Runnable written) {}

  GroupCommit(Db db, int maxBatch, int leaders) {
    this(db, maxBatch, leaders, Optional.empty());
  }

  /**
   * @param linger how riders no batch carried get written; without one, they wait for the next
   *     batch or {@link #flush}
   */
  GroupCommit(Db db, int maxBatch, int leaders, Optional<Linger> linger) {
    this.db = db;
    this.maxBatch = maxBatch;
    this.leaders = Math.max(1, leaders);
    this.linger = linger;
  }

  /**
   * Queues {@code work} (a database write) to ride with the next batch and returns at once: it is
   * written within the linger, or lost with its batch. Inside a transaction it joins that one.
   */
  void runSoon(Runnable work) {
    if (db.inTransaction()) {
      work.run();
      return;
    }
    boolean first;
    long generation;
    lock.lock();
    try {
      first = riders.isEmpty();
      riders.add(work);
      generation = ridersTaken;
    } finally {
      lock.unlock();
    }
    if (first && linger.isPresent()) {
      Linger l = linger.get();
      try {
        l.timer()
            .schedule(
                () -> flushUnlessTaken(generation), l.after().toNanos(), TimeUnit.NANOSECONDS);
      } catch (RejectedExecutionException closing) {
        flushUnlessTaken(generation); // the store is closing: no later than now
      }
    }
  }

  /** Whether writes wait to ride with the next batch. */
  boolean hasRiders() {
    lock.lock();
    try {
      return !riders.isEmpty();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Writes the riders waiting now (in a batch of their own, or with whatever else is written);
   * whether there were any.
   */
  boolean flush() {
    boolean any = hasRiders();
    if (any) {
      run(NOTHING);
    }
    return any;
  }

  /** The linger's flush: nothing when a batch took the riders it was set for. */
  private void flushUnlessTaken(long generation) {
    lock.lock();
    try {
      if (ridersTaken != generation) {
        return;
      }
    } finally {
      lock.unlock();
    }
    try {
      flush();
    } catch (RuntimeException failure) {
      LOG.warn("writes waiting to share a commit were lost: {}", failure.toString());
    }
  }

  /** Runs {@code work} (database writes only) and returns its result once it is committed. */
  <R> R run(Supplier<R> work) {
    if (db.inTransaction()) {
      return work.get();
    }
    Pending<R> mine = new Pending<>(work);
    List<Pending<?>> batch;
    List<Runnable> carried;
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
      // the riders' own list is never handed to the write: a rider queued while this batch is
      // written (the list mutated under its iteration) failed the whole batch, stores included
      if (riders.isEmpty()) {
        carried = List.of();
      } else {
        carried = riders;
        riders = new ArrayList<>();
        ridersTaken++;
      }
    } finally {
      lock.unlock();
    }
    try {
      write(carried, batch, db);
    } finally {
      if (!carried.isEmpty()) {
        linger.ifPresent(l -> l.written().run());
      }
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

  private static void write(List<Runnable> carried, List<Pending<?>> batch, Db db) {
    if (carried.size() == 1 && batch.size() == 1 && batch.get(0).work == NOTHING) {
      // a lone rider flushed: one write, in auto-commit
      try {
        carried.get(0).run();
      } catch (RuntimeException failure) {
        LOG.warn("a write waiting to share a commit was lost: {}", failure.toString());
      }
      return;
    }
    if (carried.isEmpty() && batch.size() == 1) {
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
            carried.forEach(Runnable::run);
            batch.forEach(Pending::run);
            return null;
          });
    } catch (RuntimeException failure) {
      // rolled back whole: none of the batch is stored
      batch.forEach(pending -> pending.failure = failure);
      if (!carried.isEmpty()) {
        LOG.warn("{} write(s) riding with a failed batch were lost", carried.size());
      }
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
}
