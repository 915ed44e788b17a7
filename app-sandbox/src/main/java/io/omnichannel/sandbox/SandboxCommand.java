package io.omnichannel.sandbox;

import io.omnichannel.launcher.logging.LogLevel;
import io.omnichannel.launcher.logging.Logs;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code java -jar omnichannel-sandbox.jar}: the whole flow offline, against emulators of Telegram,
 * MAX and 1C-Connect (B6).
 */
@Command(
    name = "omnichannel-sandbox",
    mixinStandardHelpOptions = true,
    versionProvider = SandboxCommand.Version.class,
    description = {
      "Run the whole story offline: emulators of Telegram, MAX and 1C-Connect, the gateway on a fresh "
          + "embedded database, a demo company; connect a bot, relay both ways, ban, block, list, disconnect.",
      "Exit code 0 when every step reached its outcome, 1 naming the step that did not."
    })
public final class SandboxCommand implements Callable<Integer> {
  @Option(
      names = "--keep-running",
      description =
          "leave everything up afterwards and print the URLs to play by hand; " + "Ctrl-C stops")
  boolean keepRunning;

  @Option(names = "--verbose", description = "show the libraries' and the gateway's own logs")
  boolean verbose;

  @Option(
      names = "--step-timeout",
      defaultValue = "20",
      paramLabel = "SECONDS",
      description = "how long each step waits for its outcome (default: ${DEFAULT-VALUE})")
  int stepTimeoutSeconds;

  @Option(
      names = "--port",
      defaultValue = "0",
      paramLabel = "PORT",
      description =
          "the gateway's port; the Telegram emulator takes PORT+1, the 1C-Connect emulator PORT+2 and"
              + " the MAX emulator PORT+3"
              + " (default: free ports chosen by the system)")
  int port;

  @Option(
      names = "--data-dir",
      paramLabel = "FOLDER",
      description =
          "an empty or new folder for the embedded database, kept afterwards (default: a temporary"
              + " folder, removed at exit)")
  Path dataDir;

  @Spec CommandSpec spec;

  /** Test hook: the password typed into the confirmation form instead of the right one. */
  String confirmationPassword;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  static CommandLine commandLine() {
    return new CommandLine(new SandboxCommand());
  }

  @Override
  public Integer call() {
    if (!verbose && System.getenv("OMNICHANNEL_LOG_LEVEL") == null) {
      // the transcript is the output: the gateway's and emulators' info lines would bury it
      Logs.setLevel(LogLevel.WARN);
    }
    SandboxSettings settings;
    try {
      settings =
          SandboxSettings.defaults()
              .withKeepRunning(keepRunning)
              .withStepTimeout(Duration.ofSeconds(Math.max(1, stepTimeoutSeconds)))
              .withPort(port);
    } catch (IllegalArgumentException badOption) {
      throw new CommandLine.ParameterException(spec.commandLine(), badOption.getMessage());
    }
    if (dataDir != null) {
      settings = settings.withDataDir(dataDir);
    }
    if (confirmationPassword != null) {
      settings = settings.withConfirmationPassword(confirmationPassword);
    }
    return new Sandbox(spec.commandLine().getOut(), spec.commandLine().getErr(), settings).run();
  }

  /** Reads the version Maven wrote into the jar. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      Properties properties = new Properties();
      try (InputStream in =
          SandboxCommand.class.getResourceAsStream("/io/omnichannel/sandbox/version.properties")) {
        if (in != null) {
          properties.load(in);
        }
      } catch (IOException unreadable) {
        throw new UncheckedIOException(unreadable);
      }
      return new String[] {"omnichannel-sandbox " + properties.getProperty("version", "unknown")};
    }
  }
}
