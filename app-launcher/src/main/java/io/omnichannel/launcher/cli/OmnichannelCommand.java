package io.omnichannel.launcher.cli;

import io.omnichannel.launcher.BuildVersion;
import io.omnichannel.launcher.config.ConfigLoader;
import io.omnichannel.launcher.config.ConfigProblems;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The launcher's command line: {@code omnichannel <command>}, with help and version. */
@Command(
    name = "omnichannel",
    mixinStandardHelpOptions = true,
    versionProvider = OmnichannelCommand.Version.class,
    description = "Connects Telegram bots to 1C-Connect support lines.",
    subcommands = {ServeCommand.class, MigrateCommand.class, CommandLine.HelpCommand.class})
public final class OmnichannelCommand {
  @Option(
      names = {"-c", "--config"},
      scope = CommandLine.ScopeType.INHERIT,
      description =
          "optional properties file; its keys are the environment variables' names, which win over it")
  Path configFile;

  @Option(
      names = {"-v", "--verbose"},
      scope = CommandLine.ScopeType.INHERIT,
      description = "print the stack trace of a failed start")
  boolean verbose;

  private static final Logger LOG = LoggerFactory.getLogger(OmnichannelCommand.class);

  final Map<String, String> environment;

  private OmnichannelCommand(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  /**
   * Names, one warning line each, the keys that look like settings but are none (a mistyped
   * variable would otherwise be ignored in silence); a command that reads settings calls it first.
   */
  void warnAboutUnknownKeys() {
    try {
      ConfigLoader.unknownKeyWarnings(environment, Optional.ofNullable(configFile))
          .forEach(LOG::warn);
    } catch (ConfigProblems unreadableFile) {
      // the command's own reading of the settings reports it
    }
  }

  public static void main(String[] args) {
    System.exit(run(System.getenv(), args));
  }

  /** Runs a command with the given environment; returns its exit code. */
  public static int run(Map<String, String> environment, String... args) {
    return commandLine(environment).execute(args);
  }

  static CommandLine commandLine(Map<String, String> environment) {
    return new CommandLine(new OmnichannelCommand(environment))
        .setCaseInsensitiveEnumValuesAllowed(true);
  }

  /** Reads the version Maven wrote into the jar. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"omnichannel " + BuildVersion.current()};
    }
  }
}
