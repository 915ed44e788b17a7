package io.omnichannel.launcher.metrics;

import io.omnichannel.core.domain.BotProfile;
import io.omnichannel.core.domain.BotToken;
import io.omnichannel.core.domain.ChannelDescription;
import io.omnichannel.core.domain.ChannelPost;
import io.omnichannel.core.domain.ChatId;
import io.omnichannel.core.domain.Connection;
import io.omnichannel.core.domain.FileRef;
import io.omnichannel.core.domain.RemoteFile;
import io.omnichannel.core.domain.Secret;
import io.omnichannel.core.domain.TopicId;
import io.omnichannel.core.port.out.ChannelHealth;
import io.omnichannel.core.port.out.MessengerChannel;
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
  public void send(Connection connection, ChatId chat, Optional<TopicId> topic, ChannelPost post) {
    metering.relay("to_channel", () -> messenger.send(connection, chat, topic, post));
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
  public void startReceiving(Connection connection, Secret webhookSecret) {
    messenger.startReceiving(connection, webhookSecret);
  }

  @Override
  public void stopReceiving(Connection connection) {
    messenger.stopReceiving(connection);
  }

  @Override
  public RemoteFile fetchFile(Connection connection, FileRef file) {
    return messenger.fetchFile(connection, file);
  }

  @Override
  public ChannelHealth probe(Connection connection) {
    return messenger.probe(connection);
  }
}
