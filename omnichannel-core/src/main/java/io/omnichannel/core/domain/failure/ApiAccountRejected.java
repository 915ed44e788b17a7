package io.omnichannel.core.domain.failure;

/** 1C-Connect rejects the API account's login or password (401). */
public final class ApiAccountRejected extends PlatformFailure {
  public ApiAccountRejected(String message) {
    super(message);
  }

  public ApiAccountRejected(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public boolean retryable() {
    return false;
  }
}
