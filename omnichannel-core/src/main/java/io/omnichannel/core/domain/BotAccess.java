package io.omnichannel.core.domain;

import java.util.Objects;

/**
 * What a messenger adapter gets of a connection to act as its bot: the bot's id (for pacing and
 * logs) and its token. Never the 1C-Connect API account, never the line's hook credentials.
 */
public record BotAccess(BotId bot, BotToken token) {
  public BotAccess {
    Objects.requireNonNull(bot, "bot");
    Objects.requireNonNull(token, "token");
  }

  @Override
  public String toString() {
    return "BotAccess[" + bot + "]";
  }
}
