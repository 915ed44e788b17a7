package io.omnichannel.e2e;

import io.omnichannel.persistence.PersistenceConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Looks for a secret where it must not be in clear: every cell of every table (raw bytes), every
 * file of the data folder, and what the process logged.
 */
final class AtRest {
  private AtRest() {}

  /** Where the secret was found and how often ("inbox.payload" → 1, "file omnichannel.mv.db"). */
  static Map<String, Integer> inDatabase(PersistenceConfig config, String secret)
      throws SQLException {
    byte[] needle = secret.getBytes(StandardCharsets.UTF_8);
    Map<String, Integer> found = new LinkedHashMap<>();
    try (Connection connection =
        DriverManager.getConnection(config.jdbcUrl(), config.user(), config.password())) {
      for (String table : tables(connection)) {
        try (Statement statement = connection.createStatement();
            ResultSet rows = statement.executeQuery("SELECT * FROM " + table)) {
          int columns = rows.getMetaData().getColumnCount();
          while (rows.next()) {
            for (int c = 1; c <= columns; c++) {
              Object value = rows.getObject(c);
              byte[] bytes =
                  value instanceof byte[] raw
                      ? raw
                      : String.valueOf(value).getBytes(StandardCharsets.UTF_8);
              int n = count(bytes, needle);
              if (n > 0) {
                found.merge(table + "." + rows.getMetaData().getColumnLabel(c), n, Integer::sum);
              }
            }
          }
        }
      }
    }
    return found;
  }

  /** How many tables {@link #inDatabase} looked at. */
  static List<String> tables(Connection connection) throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    List<String> tables = new ArrayList<>();
    try (ResultSet rows =
        meta.getTables(connection.getCatalog(), connection.getSchema(), "%", null)) {
      while (rows.next()) {
        String type = String.valueOf(rows.getString("TABLE_TYPE")).toUpperCase();
        if (type.contains("TABLE") && !type.contains("SYSTEM")) {
          tables.add(rows.getString("TABLE_NAME"));
        }
      }
    }
    return tables;
  }

  static Map<String, Integer> inFiles(Path folder, String secret) throws IOException {
    byte[] needle = secret.getBytes(StandardCharsets.UTF_8);
    Map<String, Integer> found = new LinkedHashMap<>();
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        int n = count(Files.readAllBytes(file), needle);
        if (n > 0) {
          found.put("file " + folder.relativize(file), n);
        }
      }
    }
    return found;
  }

  static int count(byte[] haystack, byte[] needle) {
    int n = 0;
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      n++;
    }
    return n;
  }

  /** Copies everything written to System.err and System.out while installed (the logs). */
  static final class Logs implements AutoCloseable {
    private final ByteArrayOutputStream copy = new ByteArrayOutputStream();
    private final PrintStream err = System.err;
    private final PrintStream out = System.out;

    Logs() {
      System.setErr(new PrintStream(tee(err), true, StandardCharsets.UTF_8));
      System.setOut(new PrintStream(tee(out), true, StandardCharsets.UTF_8));
    }

    private OutputStream tee(PrintStream original) {
      return new OutputStream() {
        @Override
        public void write(int b) {
          original.write(b);
          synchronized (copy) {
            copy.write(b);
          }
        }

        @Override
        public void write(byte[] b, int off, int len) {
          original.write(b, off, len);
          synchronized (copy) {
            copy.write(b, off, len);
          }
        }
      };
    }

    int count(String secret) {
      synchronized (copy) {
        return AtRest.count(copy.toByteArray(), secret.getBytes(StandardCharsets.UTF_8));
      }
    }

    int size() {
      synchronized (copy) {
        return copy.size();
      }
    }

    @Override
    public void close() {
      System.setErr(err);
      System.setOut(out);
    }
  }
}
