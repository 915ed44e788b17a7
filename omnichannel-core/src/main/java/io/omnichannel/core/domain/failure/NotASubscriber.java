package io.omnichannel.core.domain.failure;

/** 1C-Connect says the user is not a subscriber of the line. */
public final class NotASubscriber extends PlatformFailure {
  public NotASubscriber(String message) {
    super(message);
  }

  public NotASubscriber(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public boolean retryable() {
    return false;
  }
}
