package io.omnichannel.persistence;

import io.omnichannel.core.domain.failure.StorageRefused;
import io.omnichannel.core.domain.failure.StorageUnavailable;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Opens one connection before the pool does, so that a database that cannot be used is one short,
 * typed failure naming where and why — not the pool's logged stack trace.
 */
final class DatabaseProbe {
  private static final int H2_IN_USE = 90020;
  private static final int MYSQL_UNKNOWN_DATABASE = 1049;

  private DatabaseProbe() {}

  /** The probe's connection, open; its caller closes it. */
  static Connection open(PersistenceConfig config) {
    try {
      return DriverManager.getConnection(config.jdbcUrl(), config.user(), config.password());
    } catch (SQLException failed) {
      throw translate(config, failed);
    }
  }

  static RuntimeException translate(PersistenceConfig config, SQLException failed) {
    String state = failed.getSQLState() == null ? "" : failed.getSQLState();
    if (state.startsWith("28")) {
      return new StorageRefused(
          "the database at "
              + where(config)
              + " refused user "
              + config.user()
              + " (access denied)",
          failed);
    }
    if (config.isEmbedded() && failed.getErrorCode() == H2_IN_USE) {
      return new StorageUnavailable(
          "the embedded database in "
              + config.dataFolder()
              + " is in use by another process (one instance per data folder)",
          failed);
    }
    if (failed.getErrorCode() == MYSQL_UNKNOWN_DATABASE) {
      return new StorageRefused(
          "the database server at " + where(config) + " has no such database", failed);
    }
    return new StorageUnavailable(
        "cannot connect to " + where(config) + " (" + reason(failed) + ")", failed);
  }

  /** Host and port of a server URL, the file of an embedded one; never user or password. */
  private static String where(PersistenceConfig config) {
    if (config.isEmbedded()) {
      return "the embedded database in " + config.dataFolder();
    }
    String url = config.jdbcUrl().replaceFirst("^jdbc:mysql://", "");
    int end = url.length();
    for (char stop : new char[] {'/', '?', ';'}) {
      int at = url.indexOf(stop);
      if (at >= 0) {
        end = Math.min(end, at);
      }
    }
    String hostPort = url.substring(0, end);
    return hostPort.substring(hostPort.lastIndexOf('@') + 1);
  }

  private static String reason(Throwable failed) {
    for (Throwable cause = failed; cause != null; cause = cause.getCause()) {
      if (cause instanceof ConnectException) {
        return "connection refused";
      }
      if (cause instanceof UnknownHostException) {
        return "unknown host";
      }
      if (cause instanceof SocketTimeoutException) {
        return "timed out";
      }
    }
    String message = failed.getMessage() == null ? "" : failed.getMessage();
    String firstLine = message.lines().findFirst().orElse("").strip();
    if (firstLine.isEmpty()) {
      return failed.getClass().getSimpleName();
    }
    return firstLine.length() <= 120 ? firstLine : firstLine.substring(0, 120) + "…";
  }
}
