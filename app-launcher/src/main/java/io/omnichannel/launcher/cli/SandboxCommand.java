package io.omnichannel.launcher.cli;

import io.omnichannel.launcher.sandbox.Sandbox;
import io.omnichannel.launcher.sandbox.SandboxSettings;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code omnichannel sandbox}: the whole flow offline, against emulators of Telegram and 1C-Connect
 * (B6).
 */
@Command(
    name = "sandbox",
    mixinStandardHelpOptions = true,
    description = {
      "Run the whole story offline: emulators of Telegram and 1C-Connect, the gateway on a fresh "
          + "embedded database, a demo company; connect a bot, relay both ways, ban, block, list, disconnect.",
      "Exit code 0 when every step reached its outcome, 1 naming the step that did not."
    })
final class SandboxCommand implements Callable<Integer> {
  static final String LOG_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";

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

  @Spec CommandSpec spec;

  /** Test hook: the password typed into the confirmation form instead of the right one. */
  String confirmationPassword;

  @Override
  public Integer call() {
    if (!verbose && System.getProperty(LOG_LEVEL) == null) {
      System.setProperty(LOG_LEVEL, "warn");
    }
    SandboxSettings settings =
        SandboxSettings.defaults()
            .withKeepRunning(keepRunning)
            .withStepTimeout(Duration.ofSeconds(Math.max(1, stepTimeoutSeconds)));
    if (confirmationPassword != null) {
      settings = settings.withConfirmationPassword(confirmationPassword);
    }
    return new Sandbox(spec.commandLine().getOut(), spec.commandLine().getErr(), settings).run();
  }
}
