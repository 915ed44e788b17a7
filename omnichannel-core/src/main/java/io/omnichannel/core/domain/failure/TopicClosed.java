package io.omnichannel.core.domain.failure;

/** B9: the group's topic is closed, the messenger takes no message into it (400 TOPIC_CLOSED). */
public final class TopicClosed extends ChannelFailure {
  public TopicClosed(String message) {
    super(message);
  }

  @Override
  public boolean retryable() {
    return false;
  }
}
