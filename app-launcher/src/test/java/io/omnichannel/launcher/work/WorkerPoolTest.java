package io.omnichannel.launcher.work;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.core.port.in.QueueWorker;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class WorkerPoolTest {
  /** A queue of jobs; processNext takes one if there is one. */
  private static final class Jobs implements QueueWorker {
    final BlockingQueue<Runnable> pending = new LinkedBlockingQueue<>();

    @Override
    public boolean processNext() {
      Runnable job = pending.poll();
      if (job == null) {
        return false;
      }
      job.run();
      return true;
    }
  }

  @Test
  void anIdleWorkerStartsAtOnceWhenWoken() throws Exception {
    Jobs jobs = new Jobs();
    WorkerPool pool = new WorkerPool("test", jobs, 2, Duration.ofHours(1), Duration.ofHours(1));
    pool.start();
    CountDownLatch done = new CountDownLatch(1);

    jobs.pending.add(done::countDown);
    pool.wake();

    assertThat(done.await(5, TimeUnit.SECONDS))
        .as("woken long before the hour-long idle interval")
        .isTrue();
    assertThat(pool.stop(Duration.ofSeconds(5))).isTrue();
  }

  @Test
  void aWakeRousesOneIdleThreadNotAll() throws Exception {
    AtomicInteger looks = new AtomicInteger();
    QueueWorker empty =
        () -> {
          looks.incrementAndGet();
          return false;
        };
    WorkerPool pool = new WorkerPool("test", empty, 4, Duration.ofHours(1), Duration.ofHours(1));
    pool.start();
    awaitTrue(() -> pool.idleThreads() == 4 && looks.get() == 4);

    pool.wake();

    awaitTrue(() -> looks.get() == 5 && pool.idleThreads() == 4);
    assertThat(looks).as("one look at the queue for one stored row").hasValue(5);
    assertThat(pool.stop(Duration.ofSeconds(5))).isTrue();
  }

  private static void awaitTrue(java.util.function.BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition met within 5 s").isLessThan(deadline);
      Thread.onSpinWait();
      Thread.yield();
    }
  }

  @Test
  void stopLetsTheRowInHandFinishAndTakesNoNewOne() throws Exception {
    Jobs jobs = new Jobs();
    WorkerPool pool = new WorkerPool("test", jobs, 1, Duration.ofHours(1), Duration.ofHours(1));
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger finished = new AtomicInteger();
    jobs.pending.add(
        () -> {
          started.countDown();
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          finished.incrementAndGet();
        });
    jobs.pending.add(finished::incrementAndGet);
    pool.start();
    assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

    pool.requestStop();
    release.countDown();

    assertThat(pool.awaitStopped(Duration.ofSeconds(5))).isTrue();

    assertThat(finished.get()).as("the first finished, the second was not taken").isEqualTo(1);
    assertThat(jobs.pending).hasSize(1);
    assertThat(pool.isRunning()).isFalse();
  }

  @Test
  void aRowsCorrelationIdsEndWithTheRow() throws Exception {
    Jobs jobs = new Jobs();
    WorkerPool pool = new WorkerPool("test", jobs, 1, Duration.ofHours(1), Duration.ofHours(1));
    CountDownLatch done = new CountDownLatch(1);
    AtomicReference<String> seenByTheNextRow = new AtomicReference<>("unset");
    jobs.pending.add(() -> MDC.put("queue_row", "41"));
    jobs.pending.add(
        () -> {
          seenByTheNextRow.set(MDC.get("queue_row"));
          done.countDown();
        });
    pool.start();

    assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(seenByTheNextRow.get()).as("the first row's id, cleared after it").isNull();
    assertThat(pool.stop(Duration.ofSeconds(5))).isTrue();
  }

  @Test
  void aFailingQueueDoesNotKillTheWorker() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    CountDownLatch recovered = new CountDownLatch(1);
    QueueWorker flaky =
        () -> {
          if (calls.incrementAndGet() == 1) {
            throw new IllegalStateException("database down");
          }
          recovered.countDown();
          return false;
        };
    WorkerPool pool = new WorkerPool("test", flaky, 1, Duration.ofMillis(10), Duration.ofHours(1));
    pool.start();

    assertThat(recovered.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(pool.isRunning()).isTrue();
    pool.stop(Duration.ofSeconds(5));
  }

  @Test
  void theHeartbeatRenewsTheLeasesOfRowsInHandUntilTheyFinishEvenDuringAStop() throws Exception {
    CountDownLatch renewedBeforeStop = new CountDownLatch(2);
    CountDownLatch renewedDuringStop = new CountDownLatch(4);
    CountDownLatch started = new CountDownLatch(1);
    AtomicInteger handled = new AtomicInteger();
    QueueWorker slow =
        new QueueWorker() {
          @Override
          public boolean processNext() {
            if (handled.getAndIncrement() > 0) {
              return false;
            }
            started.countDown();
            try {
              renewedDuringStop.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            return true;
          }

          @Override
          public void renewLeases() {
            renewedBeforeStop.countDown();
            renewedDuringStop.countDown();
          }
        };
    WorkerPool pool = new WorkerPool("test", slow, 1, Duration.ofHours(1), Duration.ofMillis(20));
    pool.start();
    assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(renewedBeforeStop.await(5, TimeUnit.SECONDS)).isTrue();

    pool.requestStop();

    assertThat(renewedDuringStop.await(5, TimeUnit.SECONDS))
        .as("the row in hand stays held while the stop waits for it")
        .isTrue();
    assertThat(pool.awaitStopped(Duration.ofSeconds(5))).isTrue();
  }
}
