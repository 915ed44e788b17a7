package io.omnichannel.launcher.hostile;

import static org.assertj.core.api.Assertions.fail;

import io.omnichannel.persistence.PersistenceConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh database with a random name on the MariaDB server, dropped afterwards. Settings come from
 * OMNICHANNEL_TEST_MARIADB_URL, _USER and _PASSWORD (default root@127.0.0.1:3306, no password); an
 * unreachable server skips the test class unless OMNICHANNEL_REQUIRE_MARIADB=true, which fails it.
 */
final class MariaDbDatabase {
  private final String serverUrl =
      env("OMNICHANNEL_TEST_MARIADB_URL", "jdbc:mysql://127.0.0.1:3306/");
  private final String user = env("OMNICHANNEL_TEST_MARIADB_USER", "root");
  private final String password = env("OMNICHANNEL_TEST_MARIADB_PASSWORD", "");
  private final String name =
      "oc_hostile_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
  private boolean created;

  /** Creates the database, or skips (fails when MariaDB is required) if the server is away. */
  PersistenceConfig create(Path dataFolder) {
    try (Connection server =
            DriverManager.getConnection(serverUrl + "?connectTimeout=3000", user, password);
        Statement statement = server.createStatement()) {
      statement.executeUpdate("CREATE DATABASE " + name + " CHARACTER SET utf8mb4");
      created = true;
    } catch (SQLException e) {
      if (Boolean.parseBoolean(System.getenv("OMNICHANNEL_REQUIRE_MARIADB"))) {
        fail("MariaDB is required but " + serverUrl + " is unreachable", e);
      }
      Assumptions.abort("MariaDB not reachable at " + serverUrl + ": " + e.getMessage());
    }
    return PersistenceConfig.server(serverUrl + name, user, password, dataFolder);
  }

  void drop() {
    if (!created) {
      return;
    }
    try (Connection server = DriverManager.getConnection(serverUrl, user, password);
        Statement statement = server.createStatement()) {
      statement.executeUpdate("DROP DATABASE IF EXISTS " + name);
    } catch (SQLException e) {
      // nothing to clean up on a server that went away
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
