package io.omnichannel.core.domain;

import static com.google.common.base.Preconditions.checkArgument;

/** A messenger chat: a private chat with one user or a group, by the messenger's own id of it. */
public record ChatId(String value) {
  public ChatId {
    checkArgument(value != null && !value.isBlank(), "ChatId must not be blank");
  }

  @Override
  public String toString() {
    return value;
  }
}
