package io.omnichannel.launcher.cli;

import io.omnichannel.launcher.config.ConfigLoader;
import io.omnichannel.launcher.config.ConfigProblems;
import io.omnichannel.launcher.config.LauncherConfig;
import io.omnichannel.persistence.AppliedMigration;
import io.omnichannel.persistence.Persistence;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code omnichannel migrate}: brings the database schema up to date and exits. */
@Command(
    name = "migrate",
    mixinStandardHelpOptions = true,
    description = "Apply pending database migrations (the service also does so at start-up).")
final class MigrateCommand implements Callable<Integer> {
  @ParentCommand OmnichannelCommand parent;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    LauncherConfig.Storage storage;
    parent.warnAboutUnknownKeys(); // first: a mistyped key may explain the problems below
    try {
      storage =
          ConfigLoader.storageFromEnvironment(
              parent.environment, Optional.ofNullable(parent.configFile));
    } catch (ConfigProblems problems) {
      err.println(problems.getMessage());
      return 2;
    }
    try (Persistence persistence = Persistence.open(Storages.persistenceConfig(storage))) {
      List<AppliedMigration> applied = new ArrayList<>(persistence.appliedAtOpen());
      applied.addAll(persistence.migrate());
      if (applied.isEmpty()) {
        out.println("The database schema is up to date: no migration to apply.");
      } else {
        out.println("Applied " + applied.size() + " migration(s):");
        applied.forEach(
            migration -> out.println("  V" + migration.version() + "  " + migration.description()));
      }
      return 0;
    } catch (RuntimeException failed) {
      return StartFailures.report(failed, storage, Optional.empty(), parent.verbose, err);
    }
  }
}
