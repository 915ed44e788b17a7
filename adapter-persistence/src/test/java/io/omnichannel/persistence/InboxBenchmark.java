package io.omnichannel.persistence;

import io.omnichannel.core.domain.ConnectionId;
import io.omnichannel.core.domain.InboundKind;
import io.omnichannel.core.domain.InboundRecord;
import io.omnichannel.core.port.out.Claimed;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Inbox throughput on MariaDB (not a test): 4 workers that each store an event, claim the next one
 * and complete it, against the baseline of a bare single-row INSERT loop into the same table. Run
 * with {@code ./mvnw -B -ntp -pl adapter-persistence -am -Pbench verify -DskipTests}; settings as
 * for the tests (OMNICHANNEL_TEST_MARIADB_URL, _USER, _PASSWORD), size with -Dbench.events=N and
 * -Dbench.rounds=N.
 */
public final class InboxBenchmark {
  private static final int WORKERS = 4;
  private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
  private static final String PAYLOAD =
      "{\"update_id\":1,\"message\":{\"chat\":{\"id\":42},\"text\":\"привет\"}}";

  private InboxBenchmark() {}

  public static void main(String[] args) throws Exception {
    int events = Integer.getInteger("bench.events", 4000);
    TestDatabase database = TestDatabase.mariaDb();
    PersistenceConfig config = database.create();
    try (Persistence db = Persistence.open(config.withPoolSize(WORKERS + 2))) {
      warmUp(db, database);
      // Rounds alternate the two loads, so a noisy neighbour on the machine hits both alike.
      List<Double> baselines = new ArrayList<>();
      List<Double> pipelines = new ArrayList<>();
      for (int round = 0; round < ROUNDS; round++) {
        baselines.add(bareInserts(database, events));
        database.emptyTables();
        pipelines.add(storeClaimComplete(db, events));
        database.emptyTables();
        System.out.printf(
            "round %d: baseline %.0f rows/s, inbox %.0f events/s%n",
            round + 1, baselines.get(round), pipelines.get(round));
      }
      double baseline = median(baselines);
      double pipeline = median(pipelines);
      System.out.printf(
          "%nInboxBenchmark on MariaDB, %d events per run, median of %d rounds, %d cores%n",
          events, ROUNDS, Runtime.getRuntime().availableProcessors());
      System.out.printf(
          "  baseline: bare single-row INSERT loop, 1 thread   %8.0f rows/s%n", baseline);
      System.out.printf(
          "  inbox: store + claim + complete, %d workers    %8.0f events/s%n", WORKERS, pipeline);
      System.out.printf(
          "  ratio inbox/baseline                              %8.2f%n%n", pipeline / baseline);
    } finally {
      database.drop();
    }
  }

  private static void warmUp(Persistence db, TestDatabase database) throws Exception {
    bareInserts(database, 300);
    database.emptyTables();
    storeClaimComplete(db, 300);
    database.emptyTables();
  }

  private static double bareInserts(TestDatabase database, int rows) throws Exception {
    try (Connection connection = database.jdbc();
        PreparedStatement insert =
            connection.prepareStatement(
                """
        INSERT INTO inbox (event_id, kind, connection_id, ordering_key, payload, received_at, due_at)
        VALUES (?, 'CHANNEL_UPDATE', 'conn-1', ?, ?, 0, 0)
        """)) {
      long start = System.nanoTime();
      for (int i = 0; i < rows; i++) {
        insert.setString(1, "bare:" + i);
        insert.setString(2, "chat-" + (i % 200));
        insert.setString(3, PAYLOAD);
        insert.executeUpdate();
      }
      return rows / seconds(start);
    }
  }

  private static double storeClaimComplete(Persistence db, int events) throws Exception {
    AtomicInteger stored = new AtomicInteger();
    AtomicInteger completed = new AtomicInteger();
    CyclicBarrier gate = new CyclicBarrier(WORKERS + 1);
    Instant now = Instant.now();
    List<Thread> threads = new ArrayList<>();
    for (int w = 0; w < WORKERS; w++) {
      Thread worker =
          new Thread(
              () -> {
                try {
                  gate.await();
                  while (completed.get() < events) {
                    int n = stored.getAndIncrement();
                    if (n < events) {
                      db.inbox()
                          .store(
                              new InboundRecord(
                                  InboundKind.CHANNEL_UPDATE,
                                  Optional.of(new ConnectionId("conn-1")),
                                  "tg:1:" + n,
                                  "chat-" + (n % 200),
                                  PAYLOAD,
                                  now));
                    }
                    Optional<Claimed<InboundRecord>> next =
                        db.inbox().claimNext(now, Duration.ofMinutes(5));
                    if (next.isPresent()) {
                      db.inbox().complete(next.get());
                      completed.incrementAndGet();
                    }
                  }
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      worker.start();
      threads.add(worker);
    }
    gate.await();
    long start = System.nanoTime();
    for (Thread thread : threads) {
      thread.join();
    }
    return events / seconds(start);
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
