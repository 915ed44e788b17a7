package io.omnichannel.launcher.messengers;

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
import io.omnichannel.core.domain.failure.ChannelUnavailable;
import io.omnichannel.core.port.out.ChannelHealth;
import io.omnichannel.core.port.out.MessengerChannel;
import java.util.Map;
import java.util.Optional;

/**
 * The messenger port over several messengers, by {@link Connection#channel()}. A connection of a
 * messenger no longer configured is unavailable (retried, never lost) until it is configured again.
 * Describing and identifying belong to one messenger each: the core asks those of the messenger
 * itself ({@link Messengers#channels()}).
 */
final class MessengerRouter implements MessengerChannel {
  private final Map<ChannelKind, MessengerChannel> channels;

  MessengerRouter(Map<ChannelKind, MessengerChannel> channels) {
    this.channels = Map.copyOf(channels);
  }

  private MessengerChannel of(Connection connection) {
    MessengerChannel channel = channels.get(connection.channel());
    if (channel == null) {
      throw new ChannelUnavailable("messenger " + connection.channel() + " is not configured");
    }
    return channel;
  }

  @Override
  public ChannelDescription describe() {
    throw new UnsupportedOperationException("the router is no one messenger; see catalog()");
  }

  @Override
  public BotProfile identify(BotToken token) {
    throw new UnsupportedOperationException("a token names no messenger; see channels()");
  }

  @Override
  public void startReceiving(Connection connection, Secret webhookSecret) {
    of(connection).startReceiving(connection, webhookSecret);
  }

  @Override
  public void stopReceiving(Connection connection) {
    of(connection).stopReceiving(connection);
  }

  @Override
  public void send(Connection connection, ChatId chat, Optional<TopicId> topic, ChannelPost post) {
    of(connection).send(connection, chat, topic, post);
  }

  @Override
  public RemoteFile fetchFile(Connection connection, FileRef file) {
    return of(connection).fetchFile(connection, file);
  }

  @Override
  public ChannelHealth probe(Connection connection) {
    return of(connection).probe(connection);
  }
}
