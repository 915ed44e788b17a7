package io.omnichannel.core.fakes;

import io.omnichannel.core.domain.BotAccess;
import io.omnichannel.core.domain.BotProfile;
import io.omnichannel.core.domain.BotToken;
import io.omnichannel.core.domain.ChannelCatalog;
import io.omnichannel.core.domain.ChannelDescription;
import io.omnichannel.core.domain.ChannelKind;
import io.omnichannel.core.domain.ChannelPost;
import io.omnichannel.core.domain.ChatId;
import io.omnichannel.core.domain.ConnectionId;
import io.omnichannel.core.domain.FileRef;
import io.omnichannel.core.domain.RemoteFile;
import io.omnichannel.core.domain.Secret;
import io.omnichannel.core.domain.TopicId;
import io.omnichannel.core.port.out.ChannelHealth;
import io.omnichannel.core.port.out.MessengerChannel;
import io.omnichannel.core.port.out.SendOutcome;
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

  private MessengerChannel of(BotAccess bot) {
    MessengerChannel messenger = byKind.get(bot.channel());
    if (messenger == null) {
      throw new IllegalStateException("no messenger " + bot.channel());
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
  public void startReceiving(ConnectionId connection, BotAccess bot, Secret webhookSecret) {
    of(bot).startReceiving(connection, bot, webhookSecret);
  }

  @Override
  public void stopReceiving(ConnectionId connection, BotAccess bot) {
    of(bot).stopReceiving(connection, bot);
  }

  @Override
  public SendOutcome send(BotAccess bot, ChatId chat, Optional<TopicId> topic, ChannelPost post) {
    return of(bot).send(bot, chat, topic, post);
  }

  @Override
  public RemoteFile fetchFile(BotAccess bot, FileRef file) {
    return of(bot).fetchFile(bot, file);
  }

  @Override
  public Optional<String> groupTitle(BotAccess bot, ChatId chat) {
    return of(bot).groupTitle(bot, chat);
  }

  @Override
  public ChannelHealth probe(BotAccess bot) {
    return of(bot).probe(bot);
  }
}
