package io.omnichannel.core.domain.failure;

/** The messenger did not answer, or answered 5xx: try again later. */
public final class ChannelUnavailable extends ChannelFailure {
  public ChannelUnavailable(String message) {
    super(message);
  }

  public ChannelUnavailable(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public boolean retryable() {
    return true;
  }
}
