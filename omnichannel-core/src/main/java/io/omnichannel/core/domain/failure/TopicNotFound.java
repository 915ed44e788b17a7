package io.omnichannel.core.domain.failure;

/** B9: the group's topic was deleted (400 message thread not found). */
public final class TopicNotFound extends ChannelFailure {
  public TopicNotFound(String message) {
    super(message);
  }

  @Override
  public boolean retryable() {
    return false;
  }
}
