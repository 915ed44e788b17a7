package io.omnichannel.core.domain.failure;

/** The user's line is switched off in the admin cabinet: the user is banned (F9). */
public final class LineSwitchedOff extends PlatformFailure {
  public LineSwitchedOff(String message) {
    super(message);
  }

  public LineSwitchedOff(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public boolean retryable() {
    return false;
  }
}
