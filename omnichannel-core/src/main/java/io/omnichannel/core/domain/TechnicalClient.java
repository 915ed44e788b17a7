package io.omnichannel.core.domain;

import java.util.Objects;

/**
 * The client company «<messenger>: <имя бота>» registered for a connection; channel accounts live
 * in it.
 */
public record TechnicalClient(TechnicalClientId id, String name) {
  public TechnicalClient {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
  }

  /** The name the source prescribes: the messenger's name, ": " and the bot's display name. */
  public static String nameFor(ChannelKind channel, BotProfile bot) {
    return channel.displayName() + ": " + bot.displayName();
  }
}
