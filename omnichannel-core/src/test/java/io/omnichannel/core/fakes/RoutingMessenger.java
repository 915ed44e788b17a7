package io.omnichannel.core.fakes;

import io.omnichannel.core.domain.BotProfile;
import io.omnichannel.core.domain.BotToken;
import io.omnichannel.core.domain.ChannelCatalog;
import io.omnichannel.core.domain.ChannelDescription;
import io.omnichannel.core.domain.ChannelKind;
import io.omnichannel.core.domain.ChannelPost;
import io.omnichannel.core.domain.ChatId;
import io.omnichannel.core.domain.Connection;
import io.omnichannel.core.domain.FileRef;
import io.omnichannel.core.domain.RemoteFile;
import io.omnichannel.core.domain.Secret;
import io.omnichannel.core.domain.TopicId;
import io.omnichannel.core.port.out.ChannelHealth;
import io.omnichannel.core.port.out.MessengerChannel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Several messengers as one, each connection's by its channel: as the launcher routes them. */
public final class RoutingMessenger implements MessengerChannel {
  private final Map<ChannelKind, MessengerChannel> byKind = new LinkedHashMap<>();

  public RoutingMessenger(List<? extends MessengerChannel> messengers) {
    messengers.forEach(messenger -> byKind.put(messenger.kind(), messenger));
  }

  public ChannelCatalog catalog() {
    return new ChannelCatalog(byKind.values().stream().map(MessengerChannel::describe).toList());
  }

  private MessengerChannel of(Connection connection) {
    MessengerChannel messenger = byKind.get(connection.channel());
    if (messenger == null) {
      throw new IllegalStateException("no messenger " + connection.channel());
    }
    return messenger;
  }

  @Override
  public ChannelDescription describe() {
    throw new UnsupportedOperationException("a router describes no one messenger");
  }

  @Override
  public BotProfile identify(BotToken token) {
    throw new UnsupportedOperationException("a token names no messenger");
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
