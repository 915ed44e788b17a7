package io.omnichannel.max;

import io.omnichannel.core.domain.BotAccess;
import io.omnichannel.core.domain.BotProfile;
import io.omnichannel.core.domain.BotToken;
import io.omnichannel.core.domain.ChannelDescription;
import io.omnichannel.core.domain.ChannelKind;
import io.omnichannel.core.domain.ChannelLimits;
import io.omnichannel.core.domain.ChannelPost;
import io.omnichannel.core.domain.ChatId;
import io.omnichannel.core.domain.ConnectionId;
import io.omnichannel.core.domain.FileRef;
import io.omnichannel.core.domain.RemoteFile;
import io.omnichannel.core.domain.Secret;
import io.omnichannel.core.domain.TokenFormat;
import io.omnichannel.core.domain.TopicId;
import io.omnichannel.core.port.out.ChannelHealth;
import io.omnichannel.core.port.out.MessengerChannel;
import io.omnichannel.core.port.out.SendOutcome;
import java.time.Duration;
import java.util.Optional;

/**
 * The core's {@link MessengerChannel} port on MAX: only forwards a connection's bot access (id,
 * token) to {@link MaxBots} and {@link Sending}, where the logic lives. MAX has no topics: a topic
 * given is ignored.
 */
final class MaxChannel implements MessengerChannel {
  static final ChannelKind KIND = new ChannelKind("MAX");

  /**
   * MAX as the core knows it: opaque tokens (the bot's id comes from identify), no topics, 4000
   * characters a message, link buttons; a menu is an inline keyboard on its own message that stays
   * there, pressable, when the line drops it, so the user is told the menu closed; files within
   * 1C-Connect's limits; 30 requests/s per bot, 1/s per dialog, 20/min per group.
   */
  static final ChannelDescription DESCRIPTION =
      new ChannelDescription(
          KIND,
          TokenFormat.opaque(16),
          "Получить его можно на платформе для партнёров MAX: «Интеграция → Получить токен».",
          new ChannelDescription.Abilities(false, false, Texts.MESSAGE_MAX, true),
          ChannelLimits.ONE_C_CONNECT,
          new ChannelDescription.Pacing(30, Duration.ofSeconds(1), 20));

  private final MaxBots bots;
  private final Sending sending;

  MaxChannel(MaxBots bots, Sending sending) {
    this.bots = bots;
    this.sending = sending;
  }

  private static Bot bot(ConnectionId connection, BotAccess access) {
    return new Bot(connection, access.bot(), access.token().reveal());
  }

  @Override
  public ChannelDescription describe() {
    return DESCRIPTION;
  }

  @Override
  public BotProfile identify(BotToken token) {
    return bots.identify(token.reveal());
  }

  @Override
  public void startReceiving(ConnectionId connection, BotAccess bot, Secret webhookSecret) {
    bots.startReceiving(bot(connection, bot), webhookSecret);
  }

  @Override
  public void stopReceiving(ConnectionId connection, BotAccess bot) {
    bots.stopReceiving(bot(connection, bot));
  }

  @Override
  public SendOutcome send(BotAccess bot, ChatId chat, Optional<TopicId> topic, ChannelPost post) {
    return sending.send(bot.bot(), bot.token().reveal(), chat, post);
  }

  @Override
  public RemoteFile fetchFile(BotAccess bot, FileRef file) {
    return bots.fetchFile(bot.token().reveal(), file);
  }

  @Override
  public Optional<String> groupTitle(BotAccess bot, ChatId chat) {
    return bots.groupTitle(bot.token().reveal(), chat);
  }

  @Override
  public ChannelHealth probe(BotAccess bot) {
    return bots.probe(bot.token().reveal());
  }
}
