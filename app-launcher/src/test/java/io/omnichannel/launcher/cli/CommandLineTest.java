package io.omnichannel.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
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
  void migrateReportsWhatItAppliedThenFindsTheSchemaUpToDate(@TempDir Path data) {
    Map<String, String> env = Map.of("OMNICHANNEL_DATA_DIR", data.toString());

    assertThat(run(env, "migrate")).isZero();
    assertThat(out.toString())
        .containsPattern("Applied \\d+ migration\\(s\\):")
        .contains("  V1  schema")
        .contains("  V4  confirmation attempts")
        .doesNotContain("up to date");
    assertThat(Files.exists(data.resolve("omnichannel.mv.db"))).isTrue();

    out.getBuffer().setLength(0);
    assertThat(run(env, "migrate")).isZero();
    assertThat(out.toString())
        .isEqualToIgnoringNewLines("The database schema is up to date: no migration to apply.");
  }

  @Test
  void anUnknownSettingIsWarnedAboutAtStartNamingTheNearestKnownOne(@TempDir Path data) {
    Map<String, String> env =
        Map.of("OMNICHANNEL_DATA_DIR", data.toString(), "OMNICHANNEL_DATA_DIRECTORY", "/elsewhere");
    PrintStream originalErr = System.err;
    ByteArrayOutputStream logged = new ByteArrayOutputStream();
    try {
      System.setErr(new PrintStream(logged, true, StandardCharsets.UTF_8));
      assertThat(run(env, "migrate")).isZero();
    } finally {
      System.setErr(originalErr);
    }

    assertThat(logged.toString(StandardCharsets.UTF_8))
        .contains(
            "unknown setting OMNICHANNEL_DATA_DIRECTORY (environment variable) is ignored;"
                + " the nearest known one is OMNICHANNEL_DATA_DIR");
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
