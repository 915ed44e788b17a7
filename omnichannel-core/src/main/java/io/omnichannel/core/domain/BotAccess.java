package io.omnichannel.core.domain;

import java.util.Objects;

/**
 * What a messenger adapter gets of a connection to act as its bot: the messenger it is a bot of (so
 * that a router over several messengers finds the adapter), the bot's id (for pacing and logs) and
 * its token. Never the 1C-Connect API account, never the line's hook credentials.
 */
public record BotAccess(ChannelKind channel, BotId bot, BotToken token) {
  public BotAccess {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(bot, "bot");
    Objects.requireNonNull(token, "token");
  }

  @Override
  public String toString() {
    return "BotAccess[" + channel + " " + bot + "]";
  }
}
