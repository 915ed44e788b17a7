package io.omnichannel.core.domain;

import static com.google.common.base.Preconditions.checkArgument;

/** One connection of a bot to a line; a new one is made at every connect. */
public record ConnectionId(String value) {
  public ConnectionId {
    checkArgument(value != null && !value.isBlank(), "ConnectionId must not be blank");
  }

  @Override
  public String toString() {
    return value;
  }
}
