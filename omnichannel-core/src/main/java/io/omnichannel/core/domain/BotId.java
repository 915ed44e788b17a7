package io.omnichannel.core.domain;

import static com.google.common.base.Preconditions.checkArgument;

/** The messenger's id of a bot (for Telegram, the digits before the colon of its token). */
public record BotId(String value) {
  public BotId {
    checkArgument(value != null && !value.isBlank(), "BotId must not be blank");
  }

  @Override
  public String toString() {
    return value;
  }
}
