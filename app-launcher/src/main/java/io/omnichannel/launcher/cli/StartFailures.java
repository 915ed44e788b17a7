package io.omnichannel.launcher.cli;

import io.omnichannel.core.domain.failure.ApiAccountRejected;
import io.omnichannel.core.domain.failure.PlatformRejected;
import io.omnichannel.core.domain.failure.PlatformUnavailable;
import io.omnichannel.core.domain.failure.StorageRefused;
import io.omnichannel.core.domain.failure.StorageUnavailable;
import io.omnichannel.launcher.PortInUse;
import io.omnichannel.launcher.config.LauncherConfig;
import io.omnichannel.launcher.config.Setting;
import java.io.PrintWriter;
import java.util.Optional;

/**
 * A failed start as the operator needs it: one line naming the setting to fix and what went wrong
 * (the typed failures of the adapters and the launcher), the stack trace only with {@code
 * --verbose}. Exit code 1: the configuration was valid, the world around it was not.
 */
final class StartFailures {
  static final int EXIT = 1;

  private StartFailures() {}

  /** Prints the failure of {@code serve} or {@code migrate}; returns the exit code. */
  static int report(
      RuntimeException failure,
      LauncherConfig.Storage storage,
      Optional<LauncherConfig> config,
      boolean verbose,
      PrintWriter err) {
    err.println(describe(failure, storage, config));
    if (verbose) {
      failure.printStackTrace(err);
    } else {
      err.println("(--verbose shows the details)");
    }
    err.flush();
    return EXIT;
  }

  static String describe(
      RuntimeException failure, LauncherConfig.Storage storage, Optional<LauncherConfig> config) {
    String database =
        storage.database().isPresent() ? Setting.DB_URL.variable() : Setting.DATA_DIR.variable();
    if (failure instanceof StorageRefused refused) {
      return both(Setting.DB_USER, Setting.DB_PASSWORD) + ": " + refused.getMessage();
    }
    if (failure instanceof StorageUnavailable unavailable) {
      return database + ": " + unavailable.getMessage();
    }
    if (failure instanceof PortInUse taken) {
      return Setting.HTTP_PORT.variable() + ": " + taken.getMessage();
    }
    if (failure instanceof ApiAccountRejected) {
      return both(Setting.ONECONNECT_LOGIN, Setting.ONECONNECT_PASSWORD)
          + ": 1C-Connect refused the service account"
          + config.map(c -> " «" + c.oneConnectLogin() + "»").orElse("")
          + " (wrong login or password)";
    }
    if (failure instanceof PlatformUnavailable unavailable) {
      return Setting.ONECONNECT_REST_URL.variable()
          + ": cannot reach 1C-Connect"
          + config.map(c -> " at " + c.oneConnectRestUrl()).orElse("")
          + " ("
          + unavailable.getMessage()
          + ")";
    }
    if (failure instanceof PlatformRejected rejected) {
      // the management line's hook is the one call of a start: a refusal is about that line
      return Setting.MANAGEMENT_LINE_ID.variable()
          + ": 1C-Connect refused the hook of the management line"
          + config.map(c -> " " + c.managementLineId()).orElse("")
          + " ("
          + rejected.code()
          + ")";
    }
    String message = failure.getMessage() == null ? "" : ": " + firstLine(failure.getMessage());
    return "start failed: " + failure.getClass().getSimpleName() + message;
  }

  private static String both(Setting first, Setting second) {
    return first.variable() + " / " + second.variable();
  }

  private static String firstLine(String text) {
    return text.lines().findFirst().orElse("");
  }
}
