package io.omnichannel.persistence;

import io.omnichannel.testkit.mariadb.MariaDbServer;
import io.omnichannel.testkit.mariadb.ScratchMariaDb;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A fresh database for one test class: an H2 file in a temporary folder, or the testkit's {@link
 * ScratchMariaDb} (settings from OMNICHANNEL_TEST_MARIADB_URL, _USER and _PASSWORD; an unreachable
 * server skips the class unless OMNICHANNEL_REQUIRE_MARIADB=true, which fails it instead).
 */
abstract class TestDatabase {
  static final List<String> TABLES =
      List.of(
          "connections",
          "channel_accounts",
          "dialog_states",
          "confirmations",
          "dropped_messages",
          "audit_entries",
          "inbox",
          "outbox",
          "polling_leases",
          "companies",
          "topic_names",
          "sending_lanes");

  final Path dataFolder;

  private TestDatabase() {
    try {
      dataFolder = Files.createTempDirectory("omnichannel-db-test");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  abstract String engine();

  /** Creates the empty database (or skips when it cannot be had) and returns its settings. */
  abstract PersistenceConfig create();

  /** A plain JDBC connection, outside the adapter, to look at what is really stored. */
  abstract Connection jdbc() throws SQLException;

  abstract void dropDatabase();

  void emptyTables() {
    try (Connection connection = jdbc();
        Statement statement = connection.createStatement()) {
      for (String table : TABLES) {
        statement.executeUpdate("DELETE FROM " + table);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  void drop() {
    dropDatabase();
    try (Stream<Path> files = Files.walk(dataFolder)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static TestDatabase h2() {
    return new H2();
  }

  static TestDatabase mariaDb() {
    return new MariaDb();
  }

  @Override
  public String toString() {
    return engine();
  }

  private static final class H2 extends TestDatabase {
    @Override
    String engine() {
      return "H2";
    }

    @Override
    PersistenceConfig create() {
      return PersistenceConfig.embedded(dataFolder);
    }

    @Override
    Connection jdbc() throws SQLException {
      return DriverManager.getConnection(PersistenceConfig.embeddedUrl(dataFolder), "sa", "");
    }

    @Override
    void dropDatabase() {
      // the folder goes with the database
    }
  }

  private static final class MariaDb extends TestDatabase {
    private ScratchMariaDb scratch;

    @Override
    String engine() {
      return "MariaDB";
    }

    @Override
    PersistenceConfig create() {
      // latin1 on purpose: the migration itself must make every table utf8mb4
      scratch = ScratchMariaDb.create(MariaDbServer.fromEnvironment(), "latin1");
      return PersistenceConfig.server(
          scratch.url(), scratch.user(), scratch.password(), dataFolder);
    }

    @Override
    Connection jdbc() throws SQLException {
      return scratch.connect();
    }

    @Override
    void dropDatabase() {
      if (scratch != null) { // null: the class was skipped and created nothing
        scratch.close();
      }
    }
  }
}
