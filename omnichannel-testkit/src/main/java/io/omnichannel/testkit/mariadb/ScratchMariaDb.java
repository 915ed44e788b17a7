package io.omnichannel.testkit.mariadb;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A fresh database with a unique name on the {@link MariaDbServer}, dropped on {@link #close()}.
 * Its {@link #url()}, {@link #user()} and {@link #password()} are the settings of whatever opens
 * it, as often as needed: several gateways may share one database.
 *
 * <p>A server that cannot be reached skips the test ({@link org.opentest4j.TestAbortedException}),
 * or fails it where {@code OMNICHANNEL_REQUIRE_MARIADB=true}. Plain {@code java.sql}: the JDBC
 * driver comes from the caller's class path (mysql-connector-j with adapter-persistence); none
 * there fails the test whatever the environment says, since skipping would hide it.
 */
public final class ScratchMariaDb implements AutoCloseable {
  static final String NAME_PREFIX = "oc_test_";
  private static final Pattern CHARACTER_SET = Pattern.compile("[a-z0-9_]+");
  private static final String CONNECT_TIMEOUT = "connectTimeout=3000";

  private final MariaDbServer server;
  private final String name;
  private boolean dropped;

  private ScratchMariaDb(MariaDbServer server, String name) {
    this.server = server;
    this.name = name;
  }

  /** A utf8mb4 database on the server the environment names. */
  public static ScratchMariaDb create() {
    return create(MariaDbServer.fromEnvironment(), "utf8mb4");
  }

  /**
   * A database with another default character set (e.g. latin1, to prove that migrations set their
   * own) on the given server.
   */
  public static ScratchMariaDb create(MariaDbServer server, String characterSet) {
    if (!CHARACTER_SET.matcher(characterSet).matches()) {
      throw new IllegalArgumentException("not a character set name: " + characterSet);
    }
    requireDriver(server);
    String name = newName();
    Connection admin;
    try {
      admin = openServer(server);
    } catch (SQLException e) {
      throw server.unreachable(e);
    }
    try (admin;
        Statement statement = admin.createStatement()) {
      statement.executeUpdate("CREATE DATABASE " + name + " CHARACTER SET " + characterSet);
    } catch (SQLException e) {
      // the server answered: no privilege or a bad character set is a set-up error, never a skip
      throw new IllegalStateException("could not create " + name + " on " + server.url(), e);
    }
    return new ScratchMariaDb(server, name);
  }

  /** A name no other run uses, so parallel builds and leftovers of a killed run never collide. */
  static String newName() {
    return NAME_PREFIX + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
  }

  public String name() {
    return name;
  }

  /** The JDBC URL of this database. */
  public String url() {
    return server.databaseUrl(name);
  }

  public String user() {
    return server.user();
  }

  public String password() {
    return server.password();
  }

  /** A plain JDBC connection to this database, to look at what is really stored. */
  public Connection connect() throws SQLException {
    return DriverManager.getConnection(
        MariaDbServer.withParameter(url(), "characterEncoding=UTF-8"), user(), password());
  }

  /** Drops the database; a second call does nothing. */
  @Override
  public void close() {
    if (dropped) {
      return;
    }
    try (Connection admin = openServer(server);
        Statement statement = admin.createStatement()) {
      statement.executeUpdate("DROP DATABASE IF EXISTS " + name);
      dropped = true;
    } catch (SQLException e) {
      // said out loud: a database left behind is worth knowing about
      throw new IllegalStateException("could not drop " + name + " on " + server.url(), e);
    }
  }

  @Override
  public String toString() {
    return url();
  }

  private static Connection openServer(MariaDbServer server) throws SQLException {
    return DriverManager.getConnection(
        MariaDbServer.withParameter(server.databaseUrl(""), CONNECT_TIMEOUT),
        server.user(),
        server.password());
  }

  private static void requireDriver(MariaDbServer server) {
    try {
      DriverManager.getDriver(server.url());
    } catch (SQLException e) {
      throw new IllegalStateException(
          "no JDBC driver for "
              + server.url()
              + " on the class path (com.mysql:mysql-connector-j as a test dependency)",
          e);
    }
  }
}
