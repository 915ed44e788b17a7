package io.omnichannel.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The sandbox runs in-process to its summary, as a newcomer runs it (B6). */
class SandboxTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private CommandLine sandbox() {
    CommandLine commandLine = SandboxCommand.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine;
  }

  @Test
  void oneFileShowsOneSizeOnBothSides() {
    // the story's files: a photo, a document over the limit, the specialist's PDF
    assertThat(TranscriptPrinter.size(180 * 1024)).isEqualTo("180 КБ");
    assertThat(TranscriptPrinter.size(64 * 1024)).isEqualTo("64 КБ");
    assertThat(TranscriptPrinter.size(25L << 20))
        .as("as the gateway's notice says it: «его размер 25 МБ»")
        .isEqualTo("25 МБ");
    assertThat(TranscriptPrinter.size((5L << 20) + 1))
        .as("one byte over 5 MiB never reads as the limit itself")
        .isEqualTo("5,1 МБ");
  }

  @Test
  void aDataFolderThatHoldsSomethingIsRefused(@TempDir Path data) throws Exception {
    Files.writeString(data.resolve("omnichannel.mv.db"), "an earlier run");

    assertThat(sandbox().execute("--data-dir", data.toString())).isEqualTo(2);
    assertThat(err.toString())
        .contains("The sandbox could not start: --data-dir " + data + " is not an empty folder");
  }

  @Test
  void theBannerAndTheHelpNameEveryEmulatorTheSandboxStarts(@TempDir Path data) throws Exception {
    // a refused data folder stops the run after the banner, before anything starts
    Files.writeString(data.resolve("omnichannel.mv.db"), "an earlier run");

    sandbox().execute("--data-dir", data.toString());
    sandbox().execute("--help");

    assertThat(out.toString().replaceAll("\\s+", " "))
        .contains("omnichannel sandbox: emulators of Telegram, MAX and 1C-Connect, the gateway")
        .contains("Run the whole story offline: emulators of Telegram, MAX and 1C-Connect");
  }

  @Test
  void aPortWithoutRoomForTheEmulatorsIsAUsageError() {
    assertThat(sandbox().execute("--port", "65535")).isEqualTo(2);
    assertThat(err.toString()).contains("--port must be between 1024 and 65532");
  }

  @Test
  void helpDescribesTheSandbox() {
    assertThat(sandbox().execute("--help")).isZero();
    assertThat(out.toString())
        .contains("omnichannel-sandbox")
        .contains("--keep-running")
        .contains("--verbose")
        .contains("Exit code 0");
  }

  @Test
  void printsItsVersion() {
    assertThat(sandbox().execute("--version")).isZero();
    assertThat(out.toString()).matches("omnichannel-sandbox \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\s*");
  }

  @Test
  void aStepThatMissesItsOutcomeFailsTheRunNamingItAndTheGivenDataFolderStays(@TempDir Path dir) {
    Path data = dir.resolve("sandbox-data");
    CommandLine commandLine = sandbox();
    SandboxCommand command = commandLine.getCommand();
    command.confirmationPassword = "not-the-password";

    int code = commandLine.execute("--step-timeout", "5", "--data-dir", data.toString());

    assertThat(code).isEqualTo(1);
    assertThat(err.toString())
        .contains("Sandbox FAILED at step 8/34 «Submit the API account on the confirmation page»")
        .contains("expected the page and the management line saying «подключен»");
    assertThat(out.toString())
        .contains("✗ not met: HTTP 200 saying the bot is «подключен к линии», got HTTP 422")
        .contains("Sandbox FAILED: 7/34 steps passed");
    assertThat(out.toString())
        .contains("data folder                " + data.toAbsolutePath() + " (kept)");
    assertThat(data.resolve("omnichannel.mv.db")).as("the given folder stays").exists();
  }
}
