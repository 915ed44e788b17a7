package io.omnichannel.conformance;

import io.omnichannel.core.domain.BotToken;
import io.omnichannel.core.domain.ChatId;
import io.omnichannel.core.port.out.ChannelUpdateDecoder;
import io.omnichannel.core.port.out.MessengerChannel;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a messenger adapter's conformance test provides: the adapter under test (its two driven
 * ports) and a handle on the messenger itself (an emulator, a sandbox account) to play the user's
 * side and to see what arrived. {@link MessengerChannelConformance} makes one driver per test and
 * closes it after.
 */
public interface ChannelDriver extends AutoCloseable {

  /** The adapter under test, pointed at this driver's messenger. */
  MessengerChannel channel();

  /** The adapter's decoder of the raw updates its webhook or poller hands to the core. */
  ChannelUpdateDecoder decoder();

  /** Registers a new bot on the messenger; its token is valid until {@link #revoke}. */
  TestBot newBot();

  /** A well-formed token the messenger never issued. */
  BotToken unknownToken();

  /** Revokes the bot's token on the messenger side (as BotFather's /revoke does). */
  void revoke(BotToken token);

  /** A token that was valid and has been revoked. */
  default BotToken revokedToken() {
    BotToken token = newBot().token();
    revoke(token);
    return token;
  }

  /**
   * The private chat of the driver's user with the bot; the user has written to the bot, so it may
   * answer.
   */
  ChatId userChat(BotToken bot);

  /** The user's display name as the adapter should report it in {@code Sender.displayName()}. */
  String userDisplayName();

  /**
   * The user writes {@code text} to the bot; returns the raw update exactly as the adapter receives
   * it.
   */
  String userSendsText(BotToken bot, String text);

  /**
   * The user sends the bot a file of exactly {@code sizeBytes}; returns the raw update as received.
   */
  String userSendsFile(BotToken bot, String fileName, long sizeBytes);

  /**
   * The user sends the bot an image (a photo) whose largest form is {@code sizeBytes}; returns the
   * raw update as received.
   */
  String userSendsImage(BotToken bot, long sizeBytes);

  /**
   * A group the bot was added to (with the rights it needs to read the members' messages); the same
   * group for the same bot on every call.
   */
  ChatId groupChat(BotToken bot);

  /** The title the {@link #groupChat group} was given. */
  String groupTitle();

  /** The display name of the group's member who writes, as the adapter should report it. */
  String groupMemberDisplayName();

  /**
   * A member writes {@code text} in the bot's {@link #groupChat group}; returns the raw update as
   * received.
   */
  String memberSendsTextInGroup(BotToken bot, String text);

  /**
   * The user blocks (stops) the bot in their private chat; returns the raw update as received.
   * Sends to that chat are refused from then on.
   */
  String userBlocksBot(BotToken bot);

  /** The bot is removed from its {@link #groupChat group}; returns the raw update as received. */
  String botRemovedFromGroup(BotToken bot);

  /**
   * Waits for {@code count} messages the bot sent to {@code chat}, in order; fails after {@code
   * timeout}.
   */
  List<Delivered> awaitSent(BotToken bot, ChatId chat, int count, Duration timeout);

  /** The messenger's own limit on one text message, in UTF-16 units (Telegram: 4096). */
  int maxTextLength();

  /** Stops whatever the driver started; must not throw. */
  @Override
  void close();

  /**
   * A bot as registered on the messenger: the token, and the username and display name it was
   * given.
   */
  record TestBot(BotToken token, String username, String displayName) {
    public TestBot {
      Objects.requireNonNull(token, "token");
      Objects.requireNonNull(username, "username");
      Objects.requireNonNull(displayName, "displayName");
    }
  }

  /**
   * One message as it arrived in the chat.
   *
   * @param text the text (or caption) the user sees
   * @param buttons the texts of the keyboard buttons shown with it, row by row; empty when none
   */
  record Delivered(String text, List<String> buttons) {
    public Delivered {
      Objects.requireNonNull(text, "text");
      buttons = List.copyOf(buttons);
    }
  }
}
