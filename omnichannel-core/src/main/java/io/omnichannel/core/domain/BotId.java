package io.omnichannel.core.domain;

import static com.google.common.base.Preconditions.checkArgument;

/** The messenger's id of a bot (some messengers tell it in the token, see {@link TokenFormat}). */
public record BotId(String value) {
  public BotId {
    checkArgument(value != null && !value.isBlank(), "BotId must not be blank");
  }

  @Override
  public String toString() {
    return value;
  }
}
