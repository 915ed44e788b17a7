package io.omnichannel.core.domain;

import java.util.Objects;

/**
 * The client company «Telegram: <имя бота>» registered for a connection; channel accounts live in
 * it.
 */
public record TechnicalClient(TechnicalClientId id, String name) {
  public TechnicalClient {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
  }

  /** The name the source prescribes: "Telegram: " followed by the bot's display name. */
  public static String nameFor(ChannelKind channel, BotProfile bot) {
    return channel.displayName() + ": " + bot.displayName();
  }
}
