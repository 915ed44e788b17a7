package io.omnichannel.persistence;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A new embedded database made from the migration scripts without Flyway: the scripts run in order,
 * as Flyway would run them, into a file of a name of its own, with the schema history Flyway would
 * have written (its table, its marker row, a row per script with Flyway's checksum); only complete
 * is the file linked under the database's name. Flyway, at later starts and upgrades, finds its
 * history as if it had written it. A start killed half-way leaves a file of another name, never a
 * half-made database.
 *
 * <p>Flyway itself costs about two seconds of CPU on a fresh database (its start-up, a transaction
 * and a history write per script); this costs a fraction of one.
 */
final class FreshEmbedded {
  private static final Logger LOG = LoggerFactory.getLogger(FreshEmbedded.class);
  static final String FILE_SUFFIX = ".mv.db";

  private FreshEmbedded() {}

  /**
   * When the standard embedded database of {@code config} does not exist yet and the scripts are
   * plain, creates it migrated and returns the migrations applied; empty when the database exists
   * (or might: it is left to Flyway then).
   */
  static Optional<List<AppliedMigration>> create(PersistenceConfig config) {
    if (!config.isEmbedded()
        || !config.jdbcUrl().equals(PersistenceConfig.embeddedUrl(config.dataFolder()))) {
      return Optional.empty();
    }
    Path folder = config.dataFolder().toAbsolutePath();
    Path database = folder.resolve(PersistenceConfig.EMBEDDED_NAME + FILE_SUFFIX);
    if (Files.exists(database)) {
      return Optional.empty();
    }
    Optional<List<Migrations.Script>> scripts = Migrations.find();
    if (scripts.isEmpty()) {
      return Optional.empty();
    }
    String name = PersistenceConfig.EMBEDDED_NAME + "-new-" + ProcessHandle.current().pid();
    Path made = folder.resolve(name + FILE_SUFFIX);
    try {
      Files.deleteIfExists(made); // a start killed before it was linked
      // MAX_COMPACT_TIME=0: closing does not compact a file that was just written in one go
      write(PersistenceConfig.embeddedUrl(folder, name) + ";MAX_COMPACT_TIME=0", scripts.get());
      Files.createLink(database, made);
      LOG.info(
          "new embedded database made from {} migration scripts (Flyway's history written)",
          scripts.get().size());
      return Optional.of(scripts.get().stream().map(Migrations.Script::applied).toList());
    } catch (FileAlreadyExistsException startedMeanwhile) {
      return Optional.empty(); // another process made it first; Flyway finds it up to date
    } catch (SQLException | IOException | UnsupportedOperationException failed) {
      // the database is not there: Flyway makes it as before, and says what fails
      LOG.debug("a fresh embedded database is left to Flyway: {}", failed.toString());
      return Optional.empty();
    } finally {
      try {
        Files.deleteIfExists(made);
      } catch (IOException ignored) {
        // a stray file of another name: deleted at the next fresh start
      }
    }
  }

  private static void write(String url, List<Migrations.Script> scripts) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url, "sa", "");
        Statement statement = connection.createStatement()) {
      String installedBy = currentUser(statement);
      statement.execute(
          "CREATE TABLE "
              + Migrations.HISTORY
              + " (installed_rank INT NOT NULL, version VARCHAR(50), description VARCHAR(200) NOT"
              + " NULL, type VARCHAR(20) NOT NULL, script VARCHAR(1000) NOT NULL, checksum INT,"
              + " installed_by VARCHAR(100) NOT NULL, installed_on TIMESTAMP DEFAULT"
              + " CURRENT_TIMESTAMP NOT NULL, execution_time INT NOT NULL, success BOOLEAN NOT"
              + " NULL, CONSTRAINT "
              + Migrations.HISTORY
              + "_pk PRIMARY KEY (installed_rank))");
      statement.execute(
          "CREATE INDEX " + Migrations.HISTORY + "_s_idx ON " + Migrations.HISTORY + " (success)");
      try (PreparedStatement row =
          connection.prepareStatement(
              "INSERT INTO "
                  + Migrations.HISTORY
                  + " (installed_rank, version, description, type, script, checksum,"
                  + " installed_by, execution_time, success) VALUES (?, ?, ?, ?, ?, ?, ?, ?,"
                  + " TRUE)")) {
        insert(
            row,
            -1,
            null,
            "<< Flyway Schema History table created >>",
            "TABLE",
            "",
            null,
            installedBy,
            0);
        int rank = 1;
        for (Migrations.Script script : scripts) {
          long began = System.nanoTime();
          statement.execute(script.sql());
          int millis = (int) ((System.nanoTime() - began) / 1_000_000);
          insert(
              row,
              rank++,
              Integer.toString(script.version()),
              script.description(),
              "SQL",
              script.name(),
              script.checksum(),
              installedBy,
              millis);
        }
      }
    }
  }

  private static void insert(
      PreparedStatement row,
      int rank,
      String version,
      String description,
      String type,
      String script,
      Integer checksum,
      String installedBy,
      int millis)
      throws SQLException {
    row.setInt(1, rank);
    row.setString(2, version);
    row.setString(3, description);
    row.setString(4, type);
    row.setString(5, script);
    if (checksum == null) {
      row.setNull(6, java.sql.Types.INTEGER);
    } else {
      row.setInt(6, checksum);
    }
    row.setString(7, installedBy);
    row.setInt(8, millis);
    row.executeUpdate();
  }

  /** As Flyway records it on H2. */
  private static String currentUser(Statement statement) throws SQLException {
    try (ResultSet user = statement.executeQuery("SELECT USER()")) {
      user.next();
      return user.getString(1);
    }
  }
}
