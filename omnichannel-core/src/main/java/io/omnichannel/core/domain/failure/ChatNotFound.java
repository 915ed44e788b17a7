package io.omnichannel.core.domain.failure;

/** The messenger does not know the chat (400 chat not found). */
public final class ChatNotFound extends ChannelFailure {
  public ChatNotFound(String message) {
    super(message);
  }

  public ChatNotFound(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public boolean retryable() {
    return false;
  }
}
