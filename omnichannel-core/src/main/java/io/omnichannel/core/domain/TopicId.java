package io.omnichannel.core.domain;

import static com.google.common.base.Preconditions.checkArgument;

/** A topic of a group chat with topics (B9), by the messenger's own id of the topic. */
public record TopicId(String value) {
  public TopicId {
    checkArgument(value != null && !value.isBlank(), "TopicId must not be blank");
  }

  @Override
  public String toString() {
    return value;
  }
}
