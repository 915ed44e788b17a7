package io.omnichannel.core.domain;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * A messenger the gateway relays, named as people see it ("Telegram"). A record, not an enum, so
 * that a new channel adapter needs no change in the core (B4).
 */
public record ChannelKind(String displayName) {
  public static final ChannelKind TELEGRAM = new ChannelKind("Telegram");

  public ChannelKind {
    checkArgument(displayName != null && !displayName.isBlank(), "channel name must not be blank");
  }

  @Override
  public String toString() {
    return displayName;
  }
}
