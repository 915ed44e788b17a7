package io.omnichannel.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnichannel.core.domain.failure.StorageUnavailable;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A unit InnoDB picked as a deadlock victim was rolled back whole, so the transaction runs it again
 * whole.
 */
class DeadlockRetryTest {
  private static RuntimeException deadlock() {
    return SqlErrors.translate(
        "INSERT INTO connections",
        new SQLException(
            "Deadlock found when trying to get lock; try restarting transaction", "40001", 1213));
  }

  private static Db db(Path folder) {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:file:" + folder.resolve("retry"));
    return new Db(dataSource);
  }

  @Test
  void aDeadlockedUnitIsRunAgainAndItsResultReturned(@TempDir Path folder) {
    AtomicInteger runs = new AtomicInteger();

    String result =
        db(folder)
            .inTransaction(
                () -> {
                  if (runs.incrementAndGet() < 3) {
                    throw deadlock();
                  }
                  return "stored";
                });

    assertThat(result).isEqualTo("stored");
    assertThat(runs).hasValue(3);
  }

  @Test
  void aUnitThatKeepsDeadlockingFailsAfterAFewRuns(@TempDir Path folder) {
    AtomicInteger runs = new AtomicInteger();

    assertThatThrownBy(
            () ->
                db(folder)
                    .inTransaction(
                        () -> {
                          runs.incrementAndGet();
                          throw deadlock();
                        }))
        .isInstanceOf(StorageUnavailable.class)
        .hasMessageContaining("SQLState 40001");
    assertThat(runs).hasValue(5);
  }

  @Test
  void otherFailuresAreNotRunAgain(@TempDir Path folder) {
    AtomicInteger runs = new AtomicInteger();

    assertThatThrownBy(
            () ->
                db(folder)
                    .inTransaction(
                        () -> {
                          runs.incrementAndGet();
                          throw SqlErrors.translate(
                              "UPDATE", new SQLException("disk full", "HY000", 1021));
                        }))
        .isInstanceOf(StorageUnavailable.class);
    assertThat(runs).hasValue(1);
  }
}
