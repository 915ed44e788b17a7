package io.omnichannel.core.domain.failure;

/** 1C-Connect did not answer, or answered 5xx: try again later. */
public final class PlatformUnavailable extends PlatformFailure {
  public PlatformUnavailable(String message) {
    super(message);
  }

  public PlatformUnavailable(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public boolean retryable() {
    return true;
  }
}
