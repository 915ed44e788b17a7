package io.omnichannel.core.domain;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * A messenger the gateway relays, named as people see it. A record, not an enum, so that a new
 * channel adapter needs no change in the core (B4): each adapter names its own kind in its {@link
 * ChannelDescription}. The name is also what connections store as their channel.
 */
public record ChannelKind(String displayName) {
  /** Connections store the name in a column of this width. */
  public static final int MAX_LENGTH = 40;

  public ChannelKind {
    checkArgument(displayName != null && !displayName.isBlank(), "channel name must not be blank");
    checkArgument(displayName.length() <= MAX_LENGTH, "channel name too long");
  }

  @Override
  public String toString() {
    return displayName;
  }
}
