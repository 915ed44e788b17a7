package io.omnichannel.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CommandLineTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(Map<String, String> env, String... args) {
    CommandLine commandLine = OmnichannelCommand.commandLine(env);
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }

  @Test
  void printsItsVersion() {
    assertThat(run(Map.of(), "--version")).isZero();
    assertThat(out.toString()).matches("omnichannel \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\s*");
  }

  @Test
  void helpListsTheCommands() {
    assertThat(run(Map.of(), "--help")).isZero();
    assertThat(out.toString()).contains("serve").contains("migrate").contains("--config");
  }

  @Test
  void theSandboxIsNotAServiceCommand() {
    assertThat(run(Map.of(), "sandbox")).isEqualTo(2);
    assertThat(err.toString()).contains("Unmatched argument");
  }

  @Test
  void anUnknownCommandIsAUsageError() {
    assertThat(run(Map.of(), "frobnicate")).isEqualTo(2);
    assertThat(err.toString()).contains("Unmatched argument");
  }

  @Test
  void migrateCreatesTheEmbeddedDatabaseThenFindsItUpToDate(@TempDir Path data) {
    Map<String, String> env = Map.of("OMNICHANNEL_DATA_DIR", data.toString());

    assertThat(run(env, "migrate")).isZero();
    assertThat(out.toString()).contains("The database schema is up to date.");
    assertThat(Files.exists(data.resolve("omnichannel.mv.db"))).isTrue();
    assertThat(run(env, "migrate")).isZero();
  }

  @Test
  void migrateReportsBadStorageSettingsWithoutEchoingSecrets(@TempDir Path data) {
    Map<String, String> env =
        Map.of(
            "OMNICHANNEL_DATA_DIR",
            data.toString(),
            "OMNICHANNEL_DB_URL",
            "jdbc:postgresql://db/x",
            "OMNICHANNEL_MASTER_KEY",
            "very-secret-not-base64!");

    assertThat(run(env, "migrate")).isEqualTo(2);
    assertThat(err.toString())
        .contains("OMNICHANNEL_DB_URL must be a MySQL or MariaDB JDBC URL")
        .contains("OMNICHANNEL_MASTER_KEY is not base64")
        .doesNotContain("very-secret-not-base64");
  }
}
