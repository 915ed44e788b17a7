package io.omnichannel.testkit.mariadb;

import java.sql.SQLException;
import java.util.Objects;
import java.util.function.Function;
import org.opentest4j.TestAbortedException;

/**
 * The MariaDB (or MySQL) server tests create their scratch databases on, and whether it must be
 * there.
 *
 * @param url the server's JDBC URL without a database, e.g. {@code jdbc:mysql://127.0.0.1:3306/};
 *     query parameters are kept
 * @param required true where a missing server is a failure (CI), false where it skips the test
 */
public record MariaDbServer(String url, String user, String password, boolean required) {
  public static final String URL_VARIABLE = "OMNICHANNEL_TEST_MARIADB_URL";
  public static final String USER_VARIABLE = "OMNICHANNEL_TEST_MARIADB_USER";
  public static final String PASSWORD_VARIABLE = "OMNICHANNEL_TEST_MARIADB_PASSWORD";
  public static final String REQUIRED_VARIABLE = "OMNICHANNEL_REQUIRE_MARIADB";

  public MariaDbServer {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    if (!url.startsWith("jdbc:") || url.indexOf("//") < 0) {
      throw new IllegalArgumentException("not a JDBC server URL: " + url);
    }
    String path = pathOf(url);
    if (!path.isEmpty() && !path.equals("/")) {
      throw new IllegalArgumentException(
          "the URL must name a server, not a database (" + path + "): " + url);
    }
  }

  /** The server the environment names, by default root without a password on 127.0.0.1:3306. */
  public static MariaDbServer fromEnvironment() {
    return from(System::getenv);
  }

  /** The same from any variable lookup (a map's {@code get} in tests); blank counts as unset. */
  public static MariaDbServer from(Function<String, String> environment) {
    return new MariaDbServer(
        orDefault(environment.apply(URL_VARIABLE), "jdbc:mysql://127.0.0.1:3306/"),
        orDefault(environment.apply(USER_VARIABLE), "root"),
        orDefault(environment.apply(PASSWORD_VARIABLE), ""),
        Boolean.parseBoolean(environment.apply(REQUIRED_VARIABLE)));
  }

  /** The JDBC URL of one database on this server, with the server URL's parameters. */
  public String databaseUrl(String database) {
    int query = url.indexOf('?');
    String base = query < 0 ? url : url.substring(0, query);
    String parameters = query < 0 ? "" : url.substring(query);
    return (base.endsWith("/") ? base : base + "/") + database + parameters;
  }

  /**
   * What a server that cannot be reached means here: a skipped test, or a failed one where MariaDB
   * is required — so a CI run cannot pass by skipping the database suites.
   */
  RuntimeException unreachable(SQLException cause) {
    if (required) {
      return new IllegalStateException(
          "MariaDB is required ("
              + REQUIRED_VARIABLE
              + "=true) but "
              + url
              + " is unreachable: "
              + cause.getMessage(),
          cause);
    }
    return new TestAbortedException(
        "MariaDB not reachable at " + url + ": " + cause.getMessage(), cause);
  }

  static String withParameter(String url, String parameter) {
    return url + (url.indexOf('?') < 0 ? "?" : "&") + parameter;
  }

  private static String pathOf(String url) {
    int authority = url.indexOf("//") + 2;
    int query = url.indexOf('?');
    String rest = url.substring(authority, query < 0 ? url.length() : query);
    int slash = rest.indexOf('/');
    return slash < 0 ? "" : rest.substring(slash);
  }

  private static String orDefault(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }

  @Override
  public String toString() {
    // no password in test reports
    return "MariaDbServer[" + user + "@" + url + (required ? ", required" : "") + "]";
  }
}
