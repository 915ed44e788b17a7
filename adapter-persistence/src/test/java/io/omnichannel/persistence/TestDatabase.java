package io.omnichannel.persistence;

import static org.assertj.core.api.Assertions.fail;

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
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh database for one test class: an H2 file in a temporary folder, or a database with a
 * random name on the MariaDB server (dropped afterwards). MariaDB settings come from
 * OMNICHANNEL_TEST_MARIADB_URL, _USER and _PASSWORD; an unreachable server skips the class unless
 * OMNICHANNEL_REQUIRE_MARIADB=true (CI), which fails it instead.
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
          "polling_leases");

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
    private final String serverUrl =
        env("OMNICHANNEL_TEST_MARIADB_URL", "jdbc:mysql://127.0.0.1:3306/");
    private final String user = env("OMNICHANNEL_TEST_MARIADB_USER", "root");
    private final String password = env("OMNICHANNEL_TEST_MARIADB_PASSWORD", "");
    private final String name =
        "oc_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);

    @Override
    String engine() {
      return "MariaDB";
    }

    @Override
    PersistenceConfig create() {
      try (Connection server =
              DriverManager.getConnection(serverUrl + "?connectTimeout=3000", user, password);
          Statement statement = server.createStatement()) {
        // latin1 on purpose: the migration itself must make every table utf8mb4
        statement.executeUpdate("CREATE DATABASE " + name + " CHARACTER SET latin1");
      } catch (SQLException e) {
        if (Boolean.parseBoolean(System.getenv("OMNICHANNEL_REQUIRE_MARIADB"))) {
          fail(
              "MariaDB is required (OMNICHANNEL_REQUIRE_MARIADB=true) but "
                  + serverUrl
                  + " is unreachable",
              e);
        }
        Assumptions.abort("MariaDB not reachable at " + serverUrl + ": " + e.getMessage());
      }
      return PersistenceConfig.server(serverUrl + name, user, password, dataFolder);
    }

    @Override
    Connection jdbc() throws SQLException {
      return DriverManager.getConnection(
          serverUrl + name + "?characterEncoding=UTF-8", user, password);
    }

    @Override
    void dropDatabase() {
      try (Connection server = DriverManager.getConnection(serverUrl, user, password);
          Statement statement = server.createStatement()) {
        statement.executeUpdate("DROP DATABASE IF EXISTS " + name);
      } catch (SQLException e) {
        // unreachable server: the class was skipped and created nothing
      }
    }

    private static String env(String name, String fallback) {
      String value = System.getenv(name);
      return value == null || value.isBlank() ? fallback : value;
    }
  }
}
