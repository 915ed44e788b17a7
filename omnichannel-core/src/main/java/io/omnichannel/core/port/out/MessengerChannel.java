package io.omnichannel.core.port.out;

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
import java.util.Optional;

/**
 * What the core needs from a messenger, whichever it is: it describes itself ({@link #describe()})
 * and the core knows it by nothing else. It acts as a bot with the {@link BotAccess} it is given,
 * and never sees a connection's 1C-Connect API account. Failures are {@link
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
   * polling), handing each to the core's gateway under {@code connection}. Idempotent: calling it
   * for a connection that already receives changes nothing.
   */
  void startReceiving(ConnectionId connection, BotAccess bot, Secret webhookSecret);

  /** Stops receiving within a second; idempotent. */
  void stopReceiving(ConnectionId connection, BotAccess bot);

  /**
   * Sends one message into the chat, or into the chat's topic when one is given (B9), paced within
   * the messenger's rate limits; returns when the messenger accepted it ({@link SendOutcome.Sent})
   * or refused it for the recipient's sake (blocked, too large, chat moved, topic closed or gone,
   * chat unknown). Only unavailability, rate limits and a rejected token are thrown.
   */
  SendOutcome send(BotAccess bot, ChatId chat, Optional<TopicId> topic, ChannelPost post);

  /** Looks up a file a user sent, to learn its real size before streaming it. */
  RemoteFile fetchFile(BotAccess bot, FileRef file);

  /**
   * A group's title as the messenger tells it now, for a messenger whose messages do not carry it:
   * asked only when the group's account is opened (F10: renames are not propagated), so once per
   * group and epoch, never per message. Empty when the messages carry it, or when it cannot be had.
   */
  Optional<String> groupTitle(BotAccess bot, ChatId chat);

  /** What the messenger reports about the bot's health (token valid, webhook errors). */
  ChannelHealth probe(BotAccess bot);
}
