package io.omnichannel.core.port.out;

import io.omnichannel.core.domain.BotProfile;
import io.omnichannel.core.domain.BotToken;
import io.omnichannel.core.domain.ChannelDescription;
import io.omnichannel.core.domain.ChannelKind;
import io.omnichannel.core.domain.ChannelPost;
import io.omnichannel.core.domain.ChatId;
import io.omnichannel.core.domain.Connection;
import io.omnichannel.core.domain.FileRef;
import io.omnichannel.core.domain.RemoteFile;
import io.omnichannel.core.domain.Secret;
import io.omnichannel.core.domain.TopicId;
import java.util.Optional;

/**
 * What the core needs from a messenger, whichever it is: it describes itself ({@link #describe()})
 * and the core knows it by nothing else. Failures are {@link
 * io.omnichannel.core.domain.failure.ChannelFailure}s.
 */
public interface MessengerChannel {

  /** The messenger as it describes itself: name, token format, abilities, limits, pacing. */
  ChannelDescription describe();

  default ChannelKind kind() {
    return describe().kind();
  }

  /** Who the token belongs to; {@code InvalidBotToken} when the messenger rejects it. */
  BotProfile identify(BotToken token);

  /**
   * Starts receiving the bot's updates (a webhook presenting {@code webhookSecret}, or long
   * polling). Idempotent: calling it for a connection that already receives changes nothing.
   */
  void startReceiving(Connection connection, Secret webhookSecret);

  /** Stops receiving within a second; idempotent. */
  void stopReceiving(Connection connection);

  /**
   * Sends one message into the chat, or into the chat's topic when one is given (B9), paced within
   * the messenger's rate limits; returns when the messenger accepted it. A closed topic is {@code
   * TopicClosed}, a deleted one {@code TopicNotFound}.
   */
  void send(Connection connection, ChatId chat, Optional<TopicId> topic, ChannelPost post);

  /** Sends one message into the chat outside any topic. */
  default void send(Connection connection, ChatId chat, ChannelPost post) {
    send(connection, chat, Optional.empty(), post);
  }

  /** Looks up a file a user sent, to learn its real size before streaming it. */
  RemoteFile fetchFile(Connection connection, FileRef file);

  /** What the messenger reports about the connection's health (token valid, webhook errors). */
  ChannelHealth probe(Connection connection);
}
