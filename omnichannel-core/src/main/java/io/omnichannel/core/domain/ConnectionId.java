package io.omnichannel.core.domain;

import static com.google.common.base.Preconditions.checkArgument;

/** One connection of a bot to a line; a new one is made at every connect. */
public record ConnectionId(String value) {
  /** The longest id the store holds; the gateway's own ids are UUIDs (36 characters). */
  public static final int MAX_LENGTH = 64;

  public ConnectionId {
    checkArgument(value != null && !value.isBlank(), "ConnectionId must not be blank");
  }

  /** False for an id no connection can have (one that came with a request, too long to store). */
  public boolean fitsTheStore() {
    return value.length() <= MAX_LENGTH;
  }

  @Override
  public String toString() {
    return value;
  }
}
