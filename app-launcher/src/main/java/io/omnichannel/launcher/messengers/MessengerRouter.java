package io.omnichannel.launcher.messengers;

import io.omnichannel.core.domain.BotAccess;
import io.omnichannel.core.domain.BotProfile;
import io.omnichannel.core.domain.BotToken;
import io.omnichannel.core.domain.ChannelDescription;
import io.omnichannel.core.domain.ChannelKind;
import io.omnichannel.core.domain.ChannelPost;
import io.omnichannel.core.domain.ChatId;
import io.omnichannel.core.domain.ConnectionId;
import io.omnichannel.core.domain.FileRef;
import io.omnichannel.core.domain.RemoteFile;
import io.omnichannel.core.domain.Secret;
import io.omnichannel.core.domain.TopicId;
import io.omnichannel.core.domain.failure.ChannelUnavailable;
import io.omnichannel.core.port.out.ChannelHealth;
import io.omnichannel.core.port.out.MessengerChannel;
import io.omnichannel.core.port.out.SendOutcome;
import java.util.Map;
import java.util.Optional;

/**
 * The messenger port over several messengers, by the channel of the connection's {@link
 * BotAccess#channel()}. A connection of a messenger no longer configured is unavailable (retried,
 * never lost) until it is configured again. Describing and identifying belong to one messenger
 * each: the core asks those of the messenger itself ({@link Messengers#channels()}).
 */
final class MessengerRouter implements MessengerChannel {
  private final Map<ChannelKind, MessengerChannel> channels;

  MessengerRouter(Map<ChannelKind, MessengerChannel> channels) {
    this.channels = Map.copyOf(channels);
  }

  private MessengerChannel of(BotAccess bot) {
    MessengerChannel channel = channels.get(bot.channel());
    if (channel == null) {
      throw new ChannelUnavailable("messenger " + bot.channel() + " is not configured");
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
