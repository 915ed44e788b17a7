package io.omnichannel.core.usecase;

import io.omnichannel.core.domain.AccountId;
import io.omnichannel.core.domain.ChannelAccount;
import io.omnichannel.core.domain.ChannelCatalog;
import io.omnichannel.core.domain.ChannelDescription;
import io.omnichannel.core.domain.ChannelDescription.Abilities;
import io.omnichannel.core.domain.Connection;
import io.omnichannel.core.domain.ConnectionState;
import io.omnichannel.core.domain.Direction;
import io.omnichannel.core.domain.DroppedMessage;
import io.omnichannel.core.domain.DroppedMessage.DropReason;
import io.omnichannel.core.domain.Keyboard;
import io.omnichannel.core.domain.LimitCheck.FileKind;
import io.omnichannel.core.domain.LineEvent;
import io.omnichannel.core.domain.LineEvent.KeyboardDropped;
import io.omnichannel.core.domain.LineEvent.SpecialistMessage;
import io.omnichannel.core.domain.LineEvent.SubscriptionChanged;
import io.omnichannel.core.domain.MessageContent;
import io.omnichannel.core.domain.MessageContent.Document;
import io.omnichannel.core.domain.MessageContent.Image;
import io.omnichannel.core.domain.MessageContent.Text;
import io.omnichannel.core.domain.OutboundPost;
import io.omnichannel.core.domain.OutboxMessage;
import io.omnichannel.core.port.out.AccountRepository;
import io.omnichannel.core.port.out.DroppedMessageLog;
import io.omnichannel.core.port.out.LineRelay;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Line → messenger (F7, F11): turns a specialist's message into outbox sends to the account's chat,
 * within what the messenger can do ({@link Abilities}). The user's own messages (the echo of what
 * we delivered) are never relayed back. A message to a user who blocked the bot is recorded as
 * dropped and the specialist told, once per block.
 */
public final class RelayToChannel {
  /**
   * For a messenger not configured here (its sends fail until it is): what every messenger shows —
   * a text with the keyboard's removal, a link as text.
   */
  private static final Abilities LEAST = new Abilities(false, false, Integer.MAX_VALUE, false);

  private final LineRelay platform;
  private final ChannelCatalog channels;
  private final AccountRepository accounts;
  private final DroppedMessageLog dropped;
  private final LineBans bans;
  private final Clock clock;

  /**
   * @param channels how each messenger describes itself (what its keyboards and messages can do)
   */
  public RelayToChannel(
      LineRelay platform,
      ChannelCatalog channels,
      AccountRepository accounts,
      DroppedMessageLog dropped,
      Clock clock) {
    this.platform = platform;
    this.channels = channels;
    this.accounts = accounts;
    this.dropped = dropped;
    this.bans = new LineBans(platform, accounts, clock);
    this.clock = clock;
  }

  public List<OutboxMessage> relay(Connection connection, LineEvent event, String eventId) {
    if (event instanceof SubscriptionChanged change) {
      // F9: a ban (or its end) as it happens; stored, so relaying to the line asks nothing
      bans.learn(connection, change);
      return List.of();
    }
    Abilities abilities =
        channels.find(connection.channel()).map(ChannelDescription::abilities).orElse(LEAST);
    Optional<OutboundPost> post = postFor(event, abilities);
    if (post.isEmpty()) {
      return List.of();
    }
    Optional<ChannelAccount> account = accounts.findByPlatformUser(connection.id(), event.user());
    if (!connection.isActive()) {
      drop(connection, account.map(ChannelAccount::id), DropReason.DISCONNECTED, eventId);
      return List.of();
    }
    if (connection.state() == ConnectionState.TARIFF_OPTION_OFF) {
      // F12: relaying needs the option; the state comes from monitoring and from deliveries into
      // the line
      drop(connection, account.map(ChannelAccount::id), DropReason.TARIFF_OPTION_OFF, eventId);
      return List.of();
    }
    if (account.isEmpty()) {
      drop(connection, Optional.empty(), DropReason.UNKNOWN_RECIPIENT, eventId);
      return List.of();
    }
    ChannelAccount recipient = account.get();
    if (recipient.isBlocked() || !recipient.isOpen()) {
      UnreachableNotice.tell(platform, connection, recipient);
      drop(connection, Optional.of(recipient.id()), DropReason.BOT_BLOCKED, eventId);
      return List.of();
    }
    return List.of(
        new OutboxMessage(connection.id(), recipient.chat(), recipient.id(), post.get(), eventId));
  }

  private static Optional<OutboundPost> postFor(LineEvent event, Abilities abilities) {
    if (event instanceof SpecialistMessage message) {
      return Optional.of(postFor(message.content(), message.keyboard(), abilities));
    }
    if (event instanceof KeyboardDropped && !abilities.removesKeyboardSilently()) {
      // the messenger takes a keyboard away only with a message: a short one says why
      return Optional.of(new OutboundPost.Text(UserNotices.MENU_CLOSED, Keyboard.REMOVE));
    }
    return Optional.empty();
  }

  private static OutboundPost postFor(
      MessageContent content, Keyboard keyboard, Abilities abilities) {
    // a messenger without link buttons gets the link as the text's (or caption's) last paragraph
    Optional<String> linkAsText =
        keyboard instanceof Keyboard.Link link && !abilities.linkButtons()
            ? Optional.of(UserNotices.linkAsText(link.button()))
            : Optional.empty();
    Keyboard shown = linkAsText.isPresent() ? Keyboard.UNCHANGED : keyboard;
    if (content instanceof Text text) {
      return new OutboundPost.Text(
          withParagraph(Optional.of(text.text()), linkAsText).orElseThrow(), shown);
    }
    if (content instanceof Image image) {
      return new OutboundPost.File(
          FileKind.IMAGE, image.file(), withParagraph(image.caption(), linkAsText), shown);
    }
    if (content instanceof Document document) {
      return new OutboundPost.File(
          FileKind.FILE, document.file(), withParagraph(document.caption(), linkAsText), shown);
    }
    throw new IllegalArgumentException(
        "a line sends text, images and files only, not " + content.getClass().getSimpleName());
  }

  private static Optional<String> withParagraph(Optional<String> text, Optional<String> last) {
    if (last.isEmpty()) {
      return text;
    }
    return Optional.of(
        text.filter(body -> !body.isBlank()).map(body -> body + "\n\n").orElse("") + last.get());
  }

  private void drop(
      Connection connection, Optional<AccountId> account, DropReason reason, String eventId) {
    dropped.record(
        new DroppedMessage(
            connection.id(), account, Direction.TO_CHANNEL, reason, eventId, clock.instant()));
  }
}
