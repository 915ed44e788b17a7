package io.omnichannel.launcher.metrics;

import io.omnichannel.core.domain.BotAccess;
import io.omnichannel.core.domain.BotProfile;
import io.omnichannel.core.domain.BotToken;
import io.omnichannel.core.domain.ChannelDescription;
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
import java.util.Optional;

/** The messenger, with sends counted and timed as relayed "to_channel" (pacing waits included). */
final class MeteredMessenger implements MessengerChannel {
  private final MessengerChannel messenger;
  private final Metering metering;

  MeteredMessenger(MessengerChannel messenger, Metering metering) {
    this.messenger = messenger;
    this.metering = metering;
  }

  @Override
  public SendOutcome send(BotAccess bot, ChatId chat, Optional<TopicId> topic, ChannelPost post) {
    return metering.relay(
        "to_channel",
        () -> messenger.send(bot, chat, topic, post),
        SendOutcome.Sent.class::isInstance);
  }

  @Override
  public ChannelDescription describe() {
    return messenger.describe();
  }

  @Override
  public BotProfile identify(BotToken token) {
    return messenger.identify(token);
  }

  @Override
  public void startReceiving(ConnectionId connection, BotAccess bot, Secret webhookSecret) {
    messenger.startReceiving(connection, bot, webhookSecret);
  }

  @Override
  public void stopReceiving(ConnectionId connection, BotAccess bot) {
    messenger.stopReceiving(connection, bot);
  }

  @Override
  public RemoteFile fetchFile(BotAccess bot, FileRef file) {
    return messenger.fetchFile(bot, file);
  }

  @Override
  public Optional<String> groupTitle(BotAccess bot, ChatId chat) {
    return messenger.groupTitle(bot, chat);
  }

  @Override
  public ChannelHealth probe(BotAccess bot) {
    return messenger.probe(bot);
  }
}
