package io.omnichannel.sandbox;

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
 */
record SandboxSettings(
    boolean keepRunning, Duration stepTimeout, Optional<String> confirmationPassword) {
  public SandboxSettings {
    Objects.requireNonNull(stepTimeout, "stepTimeout");
    Objects.requireNonNull(confirmationPassword, "confirmationPassword");
  }

  public static SandboxSettings defaults() {
    return new SandboxSettings(false, Duration.ofSeconds(20), Optional.empty());
  }

  public SandboxSettings withKeepRunning(boolean value) {
    return new SandboxSettings(value, stepTimeout, confirmationPassword);
  }

  public SandboxSettings withStepTimeout(Duration value) {
    return new SandboxSettings(keepRunning, value, confirmationPassword);
  }

  public SandboxSettings withConfirmationPassword(String value) {
    return new SandboxSettings(keepRunning, stepTimeout, Optional.of(value));
  }
}
