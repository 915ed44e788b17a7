package io.omnichannel.persistence;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * The migration scripts in {@code classpath:db/migration} read as Flyway reads them — version,
 * description, Flyway's checksum — so that two start-up costs of Flyway (about 2 s of CPU on a
 * fresh embedded database, a second on every later start) are paid only when Flyway has work to do:
 * {@link #upToDate} tells, from the schema history table alone, that every script is applied as it
 * is; {@link FreshEmbedded} creates a new embedded database from the scripts with the history
 * Flyway would have written.
 *
 * <p>Only what is certainly plain is read: versioned SQL scripts named {@code V<n>__<words>.sql}
 * with no Flyway placeholder, in folders or jars. Anything else in the location (a repeatable or
 * undo script, a callback, a placeholder, a resource in a nested jar) makes {@link #find} answer
 * empty, and Flyway does the whole work as before.
 */
final class Migrations {
  static final String LOCATION = "db/migration";
  static final String HISTORY = "flyway_schema_history";

  private static final Pattern VERSIONED =
      Pattern.compile("V([1-9][0-9]{0,8})__([A-Za-z0-9_]+)\\.sql");

  /** One versioned script, as Flyway names it in the schema history. */
  record Script(int version, String description, String name, int checksum, String sql) {
    AppliedMigration applied() {
      return new AppliedMigration(Integer.toString(version), description);
    }
  }

  private Migrations() {}

  /** The scripts in version order; empty when Flyway must read the location itself. */
  static Optional<List<Script>> find() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) {
      loader = Migrations.class.getClassLoader();
    }
    try {
      List<Script> scripts = new ArrayList<>();
      Enumeration<URL> roots = loader.getResources(LOCATION);
      for (URL root : Collections.list(roots)) {
        if (!read(root, scripts)) {
          return Optional.empty();
        }
      }
      scripts.sort(Comparator.comparingInt(Script::version));
      Set<Integer> versions = new HashSet<>();
      for (Script script : scripts) {
        if (!versions.add(script.version())) {
          return Optional.empty(); // Flyway refuses it, with its own message
        }
      }
      return scripts.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(scripts));
    } catch (IOException | URISyntaxException | RuntimeException unreadable) {
      return Optional.empty();
    }
  }

  /** Reads the scripts under one root; false when something there is not certainly plain. */
  private static boolean read(URL root, List<Script> into) throws IOException, URISyntaxException {
    switch (root.getProtocol()) {
      case "file" -> {
        Path folder = Path.of(root.toURI());
        try (Stream<Path> files = Files.walk(folder)) {
          for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
            Optional<Script> script =
                script(file.getFileName().toString(), Files.readAllBytes(file));
            if (script.isEmpty()) {
              return false;
            }
            into.add(script.get());
          }
        }
        return true;
      }
      case "jar" -> {
        JarURLConnection connection = (JarURLConnection) root.openConnection();
        connection.setUseCaches(false);
        String location = connection.getEntryName();
        String prefix = location.endsWith("/") ? location : location + "/";
        try (JarFile jar = connection.getJarFile()) {
          for (JarEntry entry : Collections.list(jar.entries())) {
            if (entry.isDirectory() || !entry.getName().startsWith(prefix)) {
              continue;
            }
            String name = entry.getName().substring(entry.getName().lastIndexOf('/') + 1);
            byte[] bytes;
            try (InputStream in = jar.getInputStream(entry)) {
              bytes = in.readAllBytes();
            }
            Optional<Script> script = script(name, bytes);
            if (script.isEmpty()) {
              return false;
            }
            into.add(script.get());
          }
        }
        return true;
      }
      default -> {
        return false;
      }
    }
  }

  private static Optional<Script> script(String name, byte[] bytes) throws IOException {
    Matcher matcher = VERSIONED.matcher(name);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    String sql = new String(bytes, StandardCharsets.UTF_8);
    if (sql.contains("${")) {
      return Optional.empty(); // Flyway would replace placeholders
    }
    return Optional.of(
        new Script(
            Integer.parseInt(matcher.group(1)),
            matcher.group(2).replace('_', ' '),
            name,
            checksum(sql),
            sql));
  }

  /**
   * Flyway's checksum of a script: CRC-32 over the UTF-8 bytes of its lines without their line
   * breaks, a byte order mark dropped.
   */
  static int checksum(String sql) throws IOException {
    CRC32 crc = new CRC32();
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(
                new java.io.ByteArrayInputStream(sql.getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8))) {
      String line = lines.readLine();
      if (line != null && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      for (; line != null; line = lines.readLine()) {
        crc.update(line.getBytes(StandardCharsets.UTF_8));
      }
    }
    return (int) crc.getValue();
  }

  /**
   * Whether the schema history records exactly these scripts, each applied successfully with the
   * same checksum, and nothing else but Flyway's own marker rows: then Flyway's migrate would
   * validate and apply nothing. False on any doubt (no history table, a failed row, a later
   * version, an edited script), and Flyway decides.
   */
  static boolean upToDate(Connection connection, List<Script> scripts) {
    List<String> recorded = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT version, script, checksum, type, success FROM "
                    + HISTORY
                    + " ORDER BY installed_rank")) {
      while (rows.next()) {
        String version = rows.getString(1);
        if (version == null && "TABLE".equals(rows.getString(4)) && rows.getBoolean(5)) {
          continue; // Flyway's "<< Flyway Schema History table created >>"
        }
        int checksum = rows.getInt(3);
        recorded.add(
            version
                + " "
                + rows.getString(2)
                + " "
                + (rows.wasNull() ? "null" : Integer.toString(checksum))
                + " "
                + rows.getString(4)
                + " "
                + rows.getBoolean(5));
      }
    } catch (SQLException noHistory) {
      return false;
    }
    List<String> expected =
        scripts.stream()
            .map(s -> s.version() + " " + s.name() + " " + s.checksum() + " SQL true")
            .toList();
    return recorded.equals(expected);
  }
}
