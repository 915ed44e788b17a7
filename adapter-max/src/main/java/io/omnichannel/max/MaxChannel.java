package io.omnichannel.max;

import io.omnichannel.core.domain.BotProfile;
import io.omnichannel.core.domain.BotToken;
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
import java.util.Optional;

/**
 * The core's {@link MessengerChannel} port on MAX: only forwards a connection's bot access (id,
 * token) to {@link MaxBots} and {@link Sending}, where the logic lives. MAX has no topics: a topic
 * given is ignored.
 */
final class MaxChannel implements MessengerChannel {
  static final ChannelKind KIND = new ChannelKind("MAX");

  private final MaxBots bots;
  private final Sending sending;

  MaxChannel(MaxBots bots, Sending sending) {
    this.bots = bots;
    this.sending = sending;
  }

  private static Bot bot(Connection connection) {
    return new Bot(connection.id(), connection.bot().id(), connection.token().reveal());
  }

  @Override
  public ChannelKind kind() {
    return KIND;
  }

  @Override
  public BotProfile identify(BotToken token) {
    return bots.identify(token.reveal());
  }

  @Override
  public void startReceiving(Connection connection, Secret webhookSecret) {
    bots.startReceiving(bot(connection), webhookSecret);
  }

  @Override
  public void stopReceiving(Connection connection) {
    bots.stopReceiving(bot(connection));
  }

  @Override
  public void send(Connection connection, ChatId chat, Optional<TopicId> topic, ChannelPost post) {
    sending.send(connection.bot().id(), connection.token().reveal(), chat, post);
  }

  @Override
  public RemoteFile fetchFile(Connection connection, FileRef file) {
    return bots.fetchFile(connection.token().reveal(), file);
  }

  @Override
  public ChannelHealth probe(Connection connection) {
    return bots.probe(bot(connection));
  }
}
