package io.omnichannel.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fresh embedded database made without Flyway is the one Flyway makes: the same schema, the same
 * history; Flyway validates it and applies only later migrations to it; a database that exists is
 * left alone.
 */
class FreshEmbeddedTest {
  @TempDir Path fast;
  @TempDir Path slow;

  @Test
  void theSchemaAndTheHistoryAreFlyways() throws SQLException, java.io.IOException {
    PersistenceConfig config = PersistenceConfig.embedded(fast);
    assertThat(FreshEmbedded.create(config)).as("made without Flyway").isPresent();
    flyway(PersistenceConfig.embedded(slow).jdbcUrl()).migrate();

    assertThat(schema(config.jdbcUrl()))
        .as("SCRIPT NODATA of both databases")
        .isEqualTo(schema(PersistenceConfig.embedded(slow).jdbcUrl()))
        .anyMatch(line -> line.contains("\"flyway_schema_history\""));
    assertThat(history(config.jdbcUrl()))
        .as("rank, version, description, type, script, checksum, installed_by, success")
        .isEqualTo(history(PersistenceConfig.embedded(slow).jdbcUrl()))
        .hasSizeGreaterThan(9);
    assertThat(Files.list(fast).map(p -> p.getFileName().toString()).toList())
        .as("only the database is left, under its own name")
        .containsExactly("omnichannel.mv.db");
  }

  @Test
  void flywayValidatesItAndAppliesOnlyWhatCameLater() {
    PersistenceConfig config = PersistenceConfig.embedded(fast);
    List<AppliedMigration> made = FreshEmbedded.create(config).orElseThrow();

    Flyway flyway = flyway(config.jdbcUrl());
    flyway.validate();
    assertThat(flyway.migrate().migrationsExecuted).isZero();
    var later =
        Flyway.configure()
            .dataSource(config.jdbcUrl(), "sa", "")
            .locations("classpath:db/migration", "classpath:db/upgrade-probe")
            .load()
            .migrate();
    assertThat(later.migrations).extracting(m -> m.version).containsExactly("900");
    assertThat(made).extracting(AppliedMigration::version).startsWith("1", "3", "4");
  }

  @Test
  void openingItAppliesEveryMigrationOnceAndAnExistingDatabaseIsLeftAlone() {
    PersistenceConfig config = PersistenceConfig.embedded(fast);
    List<AppliedMigration> all;
    try (Persistence db = Persistence.open(config)) {
      all = db.appliedAtOpen();
      assertThat(db.migrate()).isEmpty();
    }
    assertThat(all).hasSizeGreaterThan(8).first().isEqualTo(new AppliedMigration("1", "schema"));
    assertThat(FreshEmbedded.create(config)).as("the database exists").isEmpty();
    try (Persistence again = Persistence.open(config)) {
      assertThat(again.appliedAtOpen()).isEmpty();
      assertThat(again.isReady()).isTrue();
    }
  }

  @Test
  void anEditedOrFailedHistoryIsLeftToFlyway() throws SQLException {
    PersistenceConfig config = PersistenceConfig.embedded(fast);
    FreshEmbedded.create(config).orElseThrow();
    List<Migrations.Script> scripts = Migrations.find().orElseThrow();
    try (Connection connection = DriverManager.getConnection(config.jdbcUrl(), "sa", "");
        Statement statement = connection.createStatement()) {
      assertThat(Migrations.upToDate(connection, scripts)).isTrue();
      statement.execute(
          "UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '4'");
      assertThat(Migrations.upToDate(connection, scripts)).as("an edited script").isFalse();
      statement.execute(
          "UPDATE flyway_schema_history SET checksum = checksum - 1 WHERE version = '4'");
      statement.execute(
          "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
              + " checksum, installed_by, execution_time, success) VALUES (99, '900', 'x', 'SQL',"
              + " 'V900__x.sql', 1, 'sa', 0, FALSE)");
      assertThat(Migrations.upToDate(connection, scripts)).as("a failed later one").isFalse();
      statement.execute("DROP TABLE flyway_schema_history");
      assertThat(Migrations.upToDate(connection, scripts)).as("no history").isFalse();
    }
  }

  @Test
  void theScriptsReadFromAJarAreTheScriptsReadFromAFolder() throws Exception {
    List<Migrations.Script> fromFolder = Migrations.find().orElseThrow();
    Path jar = fast.resolve("service.jar");
    try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new java.util.jar.JarEntry(Migrations.LOCATION + "/"));
      out.closeEntry();
      for (Migrations.Script script : fromFolder) {
        out.putNextEntry(new java.util.jar.JarEntry(Migrations.LOCATION + "/" + script.name()));
        out.write(script.sql().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }
    Thread thread = Thread.currentThread();
    ClassLoader before = thread.getContextClassLoader();
    try (var jarOnly =
        new java.net.URLClassLoader(new java.net.URL[] {jar.toUri().toURL()}, null)) {
      thread.setContextClassLoader(jarOnly);
      assertThat(Migrations.find()).contains(fromFolder);
    } finally {
      thread.setContextClassLoader(before);
    }
  }

  private static Flyway flyway(String url) {
    return Flyway.configure()
        .dataSource(url, "sa", "")
        .locations("classpath:" + Migrations.LOCATION)
        .load();
  }

  /** The schema as H2 scripts it, without the user's random salt and the row counts. */
  private static List<String> schema(String url) throws SQLException {
    List<String> lines = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection(url, "sa", "");
        Statement statement = connection.createStatement();
        ResultSet script = statement.executeQuery("SCRIPT NODATA")) {
      while (script.next()) {
        String line = script.getString(1);
        if (!line.startsWith("CREATE USER") && !line.startsWith("-- ")) {
          lines.add(line);
        }
      }
    }
    return lines;
  }

  private static List<String> history(String url) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection(url, "sa", "");
        Statement statement = connection.createStatement();
        ResultSet row =
            statement.executeQuery(
                "SELECT installed_rank, version, description, type, script, checksum,"
                    + " installed_by, success FROM flyway_schema_history ORDER BY installed_rank")) {
      while (row.next()) {
        StringBuilder line = new StringBuilder();
        for (int i = 1; i <= 8; i++) {
          line.append(row.getString(i)).append(" | ");
        }
        rows.add(line.toString());
      }
    }
    return rows;
  }
}
