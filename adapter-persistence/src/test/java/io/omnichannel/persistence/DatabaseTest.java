package io.omnichannel.persistence;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.opentest4j.TestAbortedException;

/**
 * A contract run on each engine: the subclass names the engine, this class opens one fresh database
 * for the whole class, empties its tables before each test and drops it at the end.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DatabaseTest {
  final TestDatabase database;
  PersistenceConfig config;
  Persistence db;
  private final List<Persistence> others = new ArrayList<>();

  DatabaseTest(TestDatabase database) {
    this.database = database;
  }

  /**
   * Why the engine cannot be had here (a skipped class would go unreported; skipped tests are
   * counted).
   */
  private TestAbortedException unavailable;

  @BeforeAll
  void openDatabase() {
    try {
      config = database.create();
    } catch (TestAbortedException e) {
      unavailable = e;
      return;
    }
    db = Persistence.open(config);
  }

  @BeforeEach
  void emptyTables() {
    if (unavailable != null) {
      throw unavailable;
    }
    database.emptyTables();
    // what the shared instance learnt of full sending windows went with the lanes
    ((JdbcSendingBudget) db.sendingBudget()).forget();
    ((JdbcOutbox) db.outbox()).forget();
  }

  @AfterAll
  void dropDatabase() {
    others.forEach(Persistence::close);
    if (db != null) {
      db.close();
    }
    database.drop();
  }

  /** An instance claiming queue rows under the given name (several may share a name over time). */
  Persistence instanceNamed(String instanceId) {
    Persistence other = Persistence.open(config, java.time.Clock.systemUTC(), instanceId);
    others.add(other);
    return other;
  }

  /** Another instance of the gateway on the same database: its own pool, the same master key. */
  Persistence anotherInstance() {
    Persistence other = Persistence.open(config);
    others.add(other);
    return other;
  }
}
