package io.omnichannel.sandbox;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the sandbox runs.
 *
 * @param keepRunning leave everything up after the story and wait for Ctrl-C
 * @param stepTimeout how long each step waits for its expected outcome
 * @param confirmationPassword the API-account password typed into the confirmation form; empty
 *     types the right one (a wrong one makes the story fail at that step — for tests)
 * @param port the gateway's port, the Telegram emulator's the next one and the 1C-Connect
 *     emulator's the one after; 0 = free ports chosen by the system
 * @param dataDir the folder of the embedded database, kept after the run; empty = a temporary
 *     folder removed at exit
 */
record SandboxSettings(
    boolean keepRunning,
    Duration stepTimeout,
    Optional<String> confirmationPassword,
    int port,
    Optional<Path> dataDir) {
  public SandboxSettings {
    Objects.requireNonNull(stepTimeout, "stepTimeout");
    Objects.requireNonNull(confirmationPassword, "confirmationPassword");
    Objects.requireNonNull(dataDir, "dataDir");
    if (port != 0 && (port < 1024 || port > 65532)) {
      throw new IllegalArgumentException(
          "--port must be between 1024 and 65532 (the emulators take the next three), got " + port);
    }
  }

  public static SandboxSettings defaults() {
    return new SandboxSettings(
        false, Duration.ofSeconds(20), Optional.empty(), 0, Optional.empty());
  }

  public SandboxSettings withKeepRunning(boolean value) {
    return new SandboxSettings(value, stepTimeout, confirmationPassword, port, dataDir);
  }

  public SandboxSettings withStepTimeout(Duration value) {
    return new SandboxSettings(keepRunning, value, confirmationPassword, port, dataDir);
  }

  public SandboxSettings withConfirmationPassword(String value) {
    return new SandboxSettings(keepRunning, stepTimeout, Optional.of(value), port, dataDir);
  }

  public SandboxSettings withPort(int value) {
    return new SandboxSettings(keepRunning, stepTimeout, confirmationPassword, value, dataDir);
  }

  public SandboxSettings withDataDir(Path value) {
    return new SandboxSettings(
        keepRunning, stepTimeout, confirmationPassword, port, Optional.of(value));
  }
}
