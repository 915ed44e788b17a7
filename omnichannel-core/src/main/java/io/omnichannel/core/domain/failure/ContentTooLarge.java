package io.omnichannel.core.domain.failure;

/** The messenger refused a file as too large (413 or its own size rule). */
public final class ContentTooLarge extends ChannelFailure {
  public ContentTooLarge(String message) {
    super(message);
  }

  public ContentTooLarge(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public boolean retryable() {
    return false;
  }
}
