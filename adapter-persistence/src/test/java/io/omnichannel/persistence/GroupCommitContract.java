package io.omnichannel.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnichannel.core.domain.failure.StorageUnavailable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Webhook stores that arrive together share one commit: no caller is answered before its whole
 * batch is durable, and a batch whose commit fails fails every caller in it (the webhook then
 * answers 503 and Telegram retries, see the Telegram adapter's WebhookTest).
 */
abstract class GroupCommitContract extends DatabaseTest {
  private static final String BATCH_ROWS =
      "SELECT COUNT(*) AS n FROM inbox WHERE event_id LIKE 'member-%'";

  GroupCommitContract(TestDatabase database) {
    super(database);
  }

  @Test
  void everyCallerOfABatchReturnsOnlyOnceTheWholeBatchIsCommitted() throws Exception {
    Db raw = (Db) db.transactions();
    GroupCommit commits = new GroupCommit(raw, 64, 1);
    ExecutorService threads = Executors.newFixedThreadPool(4);
    CountDownLatch release = new CountDownLatch(1);
    try {
      Future<Long> lone = HeldWriter.hold(commits, raw, threads, release);
      List<Future<String>> members = new ArrayList<>();
      for (int i = 1; i <= 3; i++) {
        String eventId = "member-" + i;
        members.add(
            threads.submit(
                () -> {
                  commits.run(() -> RawInbox.insert(raw, eventId));
                  // what another connection sees the moment this caller is answered
                  return RawRows.dump(database, BATCH_ROWS);
                }));
      }
      HeldWriter.awaitQueued(commits, 3);
      release.countDown();

      assertThat(lone.get(30, TimeUnit.SECONDS)).isPositive();
      for (Future<String> member : members) {
        assertThat(member.get(30, TimeUnit.SECONDS))
            .as("the whole batch committed before a caller of it returns")
            .isEqualTo("n=3");
      }
    } finally {
      release.countDown();
      threads.shutdownNow();
    }
  }

  @Test
  void aBatchWhoseCommitFailsFailsEveryCallerInItAndStoresNone() throws Exception {
    Db failing = new Db(source(false), source(true));
    GroupCommit commits = new GroupCommit(failing, 64, 1);
    ExecutorService threads = Executors.newFixedThreadPool(4);
    CountDownLatch release = new CountDownLatch(1);
    try {
      Future<Long> lone = HeldWriter.hold(commits, failing, threads, release);
      List<Future<Long>> members = new ArrayList<>();
      for (int i = 1; i <= 3; i++) {
        String eventId = "member-" + i;
        members.add(threads.submit(() -> commits.run(() -> RawInbox.insert(failing, eventId))));
      }
      HeldWriter.awaitQueued(commits, 3);
      release.countDown();

      assertThat(lone.get(30, TimeUnit.SECONDS)).as("alone, in auto-commit").isPositive();
      for (Future<Long> member : members) {
        assertThatThrownBy(() -> member.get(30, TimeUnit.SECONDS))
            .isInstanceOf(ExecutionException.class)
            .cause()
            .isInstanceOf(StorageUnavailable.class);
      }
      assertThat(RawRows.dump(database, BATCH_ROWS))
          .as("none of the batch stored")
          .isEqualTo("n=0");
      assertThat(RawRows.dump(database, "SELECT event_id FROM inbox")).isEqualTo("event_id=lone");
    } finally {
      release.countDown();
      threads.shutdownNow();
    }
  }

  /**
   * A rider queued while a batch that carries none is written belongs to the next batch: the batch
   * written meanwhile neither reports it written nor shares the list it is queued in (a rider
   * queued into that list while the batch iterated it failed the batch, its stores refused).
   */
  @Test
  void aRiderQueuedWhileABatchWithoutRidersIsWrittenWaitsForTheNextBatch() throws Exception {
    Db raw = (Db) db.transactions();
    AtomicInteger written = new AtomicInteger();
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    GroupCommit commits =
        new GroupCommit(
            raw,
            64,
            1,
            Optional.of(
                new GroupCommit.Linger(timer, Duration.ofHours(1), written::incrementAndGet)));
    ExecutorService threads = Executors.newFixedThreadPool(2);
    CountDownLatch release = new CountDownLatch(1);
    try {
      Future<Long> lone = HeldWriter.hold(commits, raw, threads, release);
      commits.runSoon(() -> RawInbox.insert(raw, "rider"));
      release.countDown();

      assertThat(lone.get(30, TimeUnit.SECONDS)).isPositive();
      assertThat(written).as("the batch carried no rider").hasValue(0);
      assertThat(commits.hasRiders()).as("the rider waits for the next batch").isTrue();
      assertThat(RawRows.dump(database, "SELECT COUNT(*) AS n FROM inbox WHERE event_id = 'rider'"))
          .isEqualTo("n=0");

      assertThat(commits.flush()).isTrue();
      assertThat(written).hasValue(1);
      assertThat(RawRows.dump(database, "SELECT COUNT(*) AS n FROM inbox WHERE event_id = 'rider'"))
          .isEqualTo("n=1");
    } finally {
      release.countDown();
      threads.shutdownNow();
      timer.shutdownNow();
    }
  }

  /** Connections to the test database; with {@code commitFails}, each one's commit fails. */
  private DataSource source(boolean commitFails) {
    return (DataSource)
        Proxy.newProxyInstance(
            DataSource.class.getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, args) -> {
              if (!method.getName().equals("getConnection")) {
                throw new UnsupportedOperationException(method.getName());
              }
              Connection real = database.jdbc();
              return commitFails ? commitFails(real) : real;
            });
  }

  private static Connection commitFails(Connection real) {
    return (Connection)
        Proxy.newProxyInstance(
            Connection.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              if (method.getName().equals("commit")) {
                throw new SQLException("the log could not be written", "HY000");
              }
              try {
                return method.invoke(real, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }
}
