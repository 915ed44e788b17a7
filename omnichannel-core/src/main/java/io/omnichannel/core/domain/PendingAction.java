package io.omnichannel.core.domain;

import java.util.Objects;

/** What a confirmation link, once its form is submitted with an API account, will do. */
public sealed interface PendingAction {
  Line line();

  BotProfile bot();

  record Connect(Line line, BotProfile bot, BotToken token) implements PendingAction {
    public Connect {
      Objects.requireNonNull(line, "line");
      Objects.requireNonNull(bot, "bot");
      Objects.requireNonNull(token, "token");
    }
  }

  record Disconnect(ConnectionId connection, Line line, BotProfile bot) implements PendingAction {
    public Disconnect {
      Objects.requireNonNull(connection, "connection");
      Objects.requireNonNull(line, "line");
      Objects.requireNonNull(bot, "bot");
    }
  }
}
