package io.omnichannel.core.domain;

import java.util.Objects;

/** What a confirmation link, once its form is submitted with an API account, will do. */
public sealed interface PendingAction {
  /** The messenger of the bot. */
  ChannelKind channel();

  Line line();

  BotProfile bot();

  record Connect(ChannelKind channel, Line line, BotProfile bot, BotToken token)
      implements PendingAction {
    public Connect {
      Objects.requireNonNull(channel, "channel");
      Objects.requireNonNull(line, "line");
      Objects.requireNonNull(bot, "bot");
      Objects.requireNonNull(token, "token");
    }
  }

  record Disconnect(ChannelKind channel, ConnectionId connection, Line line, BotProfile bot)
      implements PendingAction {
    public Disconnect {
      Objects.requireNonNull(channel, "channel");
      Objects.requireNonNull(connection, "connection");
      Objects.requireNonNull(line, "line");
      Objects.requireNonNull(bot, "bot");
    }
  }
}
