package io.omnichannel.testkit.mariadb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/**
 * Names, the way a missing server or driver ends a test, and — skipped without a server, failed
 * without one where it is required — a real create, share and drop.
 */
class ScratchMariaDbTest {
  /** Nothing listens on port 1 of loopback: the connection is refused at once. */
  private static final String NO_SERVER = "jdbc:mysql://127.0.0.1:1/";

  @Test
  void namesAreUniqueValidIdentifiersThatSayTheyAreTestDatabases() {
    Set<String> names = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      names.add(ScratchMariaDb.newName());
    }

    assertThat(names).hasSize(1000);
    assertThat(names).allMatch(name -> name.matches("oc_test_[0-9a-f]{16}"));
  }

  @Test
  void anUnreachableServerSkipsTheTest() {
    MariaDbServer absent = new MariaDbServer(NO_SERVER, "root", "", false);

    assertThatThrownBy(() -> ScratchMariaDb.create(absent, "utf8mb4"))
        .isInstanceOf(TestAbortedException.class)
        .hasMessageStartingWith("MariaDB not reachable at " + NO_SERVER);
  }

  @Test
  void anUnreachableServerFailsTheTestWhereMariaDbIsRequired() {
    MariaDbServer absent = new MariaDbServer(NO_SERVER, "root", "", true);

    assertThatThrownBy(() -> ScratchMariaDb.create(absent, "utf8mb4"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("is required");
  }

  @Test
  void aMissingDriverFailsEvenWhereMariaDbIsOptional() {
    MariaDbServer noDriver = new MariaDbServer("jdbc:nosuchdriver://127.0.0.1:1/", "u", "", false);

    assertThatThrownBy(() -> ScratchMariaDb.create(noDriver, "utf8mb4"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no JDBC driver");
  }

  @Test
  void aCharacterSetIsANameNotSql() {
    assertThatThrownBy(
            () -> ScratchMariaDb.create(MariaDbServer.fromEnvironment(), "latin1; DROP DATABASE x"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void onTheRealServerTheDatabaseIsCreatedSharedAndDroppedOnClose() throws SQLException {
    MariaDbServer server = MariaDbServer.fromEnvironment();
    ScratchMariaDb db = ScratchMariaDb.create(server, "latin1");
    try {
      assertThat(db.url()).isEqualTo(server.databaseUrl(db.name()));
      assertThat(db.user()).isEqualTo(server.user());
      try (Connection one = db.connect();
          Connection other = db.connect();
          Statement write = one.createStatement();
          Statement read = other.createStatement()) {
        write.executeUpdate("CREATE TABLE t (v VARCHAR(10))");
        write.executeUpdate("INSERT INTO t VALUES ('shared')");
        assertThat(single(read, "SELECT v FROM t")).isEqualTo("shared");
        assertThat(single(read, "SELECT @@character_set_database")).isEqualTo("latin1");
      }
    } finally {
      db.close();
    }

    assertThat(exists(server, db.name())).isFalse();
    db.close(); // a second close is harmless
  }

  private static boolean exists(MariaDbServer server, String name) throws SQLException {
    try (Connection connection =
            DriverManager.getConnection(server.databaseUrl(""), server.user(), server.password());
        Statement statement = connection.createStatement()) {
      return single(
              statement,
              "SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name = '" + name + "'")
          .equals("1");
    }
  }

  private static String single(Statement statement, String sql) throws SQLException {
    try (ResultSet rows = statement.executeQuery(sql)) {
      assertThat(rows.next()).isTrue();
      return rows.getString(1);
    }
  }
}
