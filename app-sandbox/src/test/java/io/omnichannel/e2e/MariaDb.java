package io.omnichannel.e2e;

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
final class MariaDb {
  private final String serverUrl =
      env("OMNICHANNEL_TEST_MARIADB_URL", "jdbc:mysql://127.0.0.1:3306/");
  private final String user = env("OMNICHANNEL_TEST_MARIADB_USER", "root");
  private final String password = env("OMNICHANNEL_TEST_MARIADB_PASSWORD", "");
  private final String name =
      "oc_e2e_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
  private boolean created;

  /** Creates the database, or skips (fails on CI) when the server cannot be reached. */
  PersistenceConfig create(Path dataFolder) {
    try (Connection server =
            DriverManager.getConnection(serverUrl + "?connectTimeout=3000", user, password);
        Statement statement = server.createStatement()) {
      statement.executeUpdate("CREATE DATABASE " + name + " CHARACTER SET utf8mb4");
      created = true;
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
    return config(dataFolder);
  }

  /** The settings of the created database (several gateways may share it). */
  PersistenceConfig config(Path dataFolder) {
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
