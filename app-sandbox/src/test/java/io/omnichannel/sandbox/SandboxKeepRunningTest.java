package io.omnichannel.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --keep-running} as a person uses it, in its own JVM: every command it prints is run as
 * printed (parsed from the output, no curl needed), the user's message reaches the line and the
 * specialist's answer reaches Telegram; Ctrl-C (SIGTERM) stops everything and removes the temporary
 * data folder through the shutdown hook.
 */
class SandboxKeepRunningTest {
  private static final Pattern DATA_FOLDER =
      Pattern.compile("data folder\\s+(\\S+) \\(temporary, removed at exit\\)");

  @Test
  void thePrintedCommandsWorkBothWaysAndCtrlCRemovesTheTemporaryFolder(@TempDir Path logs)
      throws Exception {
    int port = fourFreePorts();
    Process sandbox = start(logs.resolve("stderr.txt"), "--keep-running", "--port", "" + port);
    Output output = new Output(sandbox);
    try {
      String printed = output.awaitLine("Ctrl-C stops everything.", 180);
      WholeStory.assertTranscript(printed);

      List<String> commands =
          printed.lines().map(String::strip).filter(line -> line.startsWith("curl ")).toList();
      assertThat(commands).hasSizeGreaterThanOrEqualTo(10);
      List<String> answers = new ArrayList<>();
      for (String command : commands) {
        CurlLine curl = CurlLine.parse(command);
        assertThat(curl.url().getPort()).isBetween(port, port + 2);
        HttpResponse<String> response = curl.execute();
        assertThat(response.statusCode()).as(command + "\n" + response.body()).isBetween(200, 299);
        answers.add(response.body());
      }
      assertThat(answers.get(1))
          .as("the line's transcript, once the user's message arrived")
          .contains(PlayCommands.USER_TEXT);
      assertThat(answers.get(3))
          .as("what the bot sent in Telegram, once the specialist's answer arrived")
          .contains(PlayCommands.SPECIALIST_TEXT);

      Matcher folder = DATA_FOLDER.matcher(printed);
      assertThat(folder.find()).as(printed).isTrue();
      Path data = Path.of(folder.group(1));
      assertThat(data.resolve("omnichannel.mv.db")).exists();

      long stderrBeforeTheStop = Files.size(logs.resolve("stderr.txt"));
      // SIGTERM, as Ctrl-C; through the handle, since Process.destroy() also closes our end of
      // the child's stdout, which would lose what the shutdown hook prints
      assertThat(sandbox.toHandle().destroy()).isTrue();
      assertThat(sandbox.waitFor(60, TimeUnit.SECONDS)).as("stopped within a minute").isTrue();
      byte[] written = Files.readAllBytes(logs.resolve("stderr.txt"));
      String stderr =
          new String(
              written,
              (int) stderrBeforeTheStop,
              written.length - (int) stderrBeforeTheStop,
              StandardCharsets.UTF_8);
      assertThat(output.awaitLine("Stopped.", 10, stderr))
          .contains("Stopped. The temporary data folder " + data + " is removed.");
      assertThat(data).doesNotExist();
      assertThat(stderr).as("a quiet stop").doesNotContain("WARN").doesNotContain("Exception");
    } finally {
      sandbox.destroyForcibly();
    }
  }

  private static Process start(Path stderr, String... args) throws IOException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m",
                "-Dfile.encoding=UTF-8",
                "-Dstdout.encoding=UTF-8",
                "-cp",
                System.getProperty("java.class.path"),
                SandboxCommand.class.getName()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectError(stderr.toFile()).start();
  }

  /**
   * A gateway port whose next three ports (the emulators') are free too. Looked for below Linux's
   * ephemeral range (32768 and up), where the other tests' outgoing connections take ports at
   * random and four consecutive free ones are rare.
   */
  private static int fourFreePorts() {
    java.util.Random random = new java.util.Random();
    for (int attempt = 0; attempt < 500; attempt++) {
      int port = 20_000 + random.nextInt(12_000);
      try (ServerSocket a = new ServerSocket(port);
          ServerSocket b = new ServerSocket(port + 1);
          ServerSocket c = new ServerSocket(port + 2);
          ServerSocket d = new ServerSocket(port + 3)) {
        return port;
      } catch (IOException taken) {
        // try another
      }
    }
    throw new IllegalStateException("no four consecutive free ports between 20000 and 32000");
  }

  /** The child's stdout, read as it comes, so that it never blocks on a full pipe. */
  private static final class Output {
    private final StringBuilder text = new StringBuilder();

    Output(Process process) {
      Thread reader =
          new Thread(
              () -> {
                try (BufferedReader lines =
                    new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                  String line;
                  while ((line = lines.readLine()) != null) {
                    synchronized (this) {
                      text.append(line).append('\n');
                      notifyAll();
                    }
                  }
                } catch (IOException closed) {
                  // the process ended
                }
              },
              "sandbox-stdout");
      reader.setDaemon(true);
      reader.start();
    }

    /** Everything printed up to a line containing {@code marker}, waiting up to the deadline. */
    synchronized String awaitLine(String marker, int seconds) throws InterruptedException {
      return awaitLine(marker, seconds, "");
    }

    synchronized String awaitLine(String marker, int seconds, String stderr)
        throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
      while (text.indexOf(marker) < 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError(
              "no «" + marker + "» within " + seconds + " s; so far:\n" + text);
        }
        TimeUnit.NANOSECONDS.timedWait(this, left);
      }
      return text.toString();
    }
  }
}
