package io.omnichannel.core.usecase;

import io.omnichannel.core.domain.ChannelAccount;
import io.omnichannel.core.domain.ChannelCatalog;
import io.omnichannel.core.domain.ChannelKind;
import io.omnichannel.core.domain.ChannelLimits;
import io.omnichannel.core.domain.ChannelPost;
import io.omnichannel.core.domain.Connection;
import io.omnichannel.core.domain.ConnectionState;
import io.omnichannel.core.domain.Direction;
import io.omnichannel.core.domain.DroppedMessage;
import io.omnichannel.core.domain.DroppedMessage.DropReason;
import io.omnichannel.core.domain.LimitCheck;
import io.omnichannel.core.domain.MessageContent;
import io.omnichannel.core.domain.OutboundPost;
import io.omnichannel.core.domain.OutboxMessage;
import io.omnichannel.core.domain.RemoteFile;
import io.omnichannel.core.domain.TopicId;
import io.omnichannel.core.domain.failure.InvalidBotToken;
import io.omnichannel.core.port.out.AccountRepository;
import io.omnichannel.core.port.out.ConnectionRepository;
import io.omnichannel.core.port.out.DroppedMessageLog;
import io.omnichannel.core.port.out.LineRelay;
import io.omnichannel.core.port.out.MessengerChannel;
import io.omnichannel.core.port.out.SendOutcome;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Sends one outbox row to its chat, or its chat's topic (F7, F11, B8, B9). A user who blocked the
 * bot is marked once and the specialist told once in the line's chat; later sends to that account
 * are dropped and recorded, never retried in a loop. What the messenger refuses comes back as a
 * {@link SendOutcome} and is answered here; rate limits and outages are thrown for the queue to
 * reschedule, a revoked token marks the connection.
 */
public final class DeliveringToChannel {
  private final MessengerChannel messenger;
  private final ChannelCatalog channels;
  private final LineRelay platform;
  private final ConnectionRepository connections;
  private final AccountRepository accounts;
  private final DroppedMessageLog dropped;
  private final Clock clock;

  /**
   * @param messenger every messenger of the deployment, each connection's reached by its channel
   * @param channels how each messenger describes itself (its size limits, whether it has topics)
   */
  public DeliveringToChannel(
      MessengerChannel messenger,
      ChannelCatalog channels,
      LineRelay platform,
      ConnectionRepository connections,
      AccountRepository accounts,
      DroppedMessageLog dropped,
      Clock clock) {
    this.messenger = messenger;
    this.channels = channels;
    this.platform = platform;
    this.connections = connections;
    this.accounts = accounts;
    this.dropped = dropped;
    this.clock = clock;
  }

  /**
   * Sends the row's post, or drops it with its reason; returns when the chat's next message may go,
   * when the messenger's sending window for the chat is known to be full after this one.
   */
  public Optional<Instant> deliver(OutboxMessage message) {
    Optional<Connection> found =
        connections.find(message.connection()).filter(Connection::isActive);
    Optional<ChannelAccount> account = accounts.find(message.account());
    if (found.isEmpty() || account.isEmpty()) {
      drop(message, DropReason.DISCONNECTED);
      return Optional.empty();
    }
    Connection connection = found.get();
    ChannelAccount recipient = account.get();
    if (recipient.isBlocked() || !recipient.isOpen()) {
      UnreachableNotice.tell(platform, connection, recipient);
      drop(message, DropReason.BOT_BLOCKED);
      return Optional.empty();
    }
    Optional<ChannelPost> post = prepare(connection, recipient, message);
    if (post.isEmpty()) {
      return Optional.empty();
    }
    SendOutcome outcome;
    try {
      outcome = send(connection, recipient, post.get());
    } catch (InvalidBotToken revoked) {
      if (connection.state() != ConnectionState.TOKEN_REVOKED) {
        connections.update(connection.withState(ConnectionState.TOKEN_REVOKED));
      }
      throw revoked;
    }
    answer(connection, recipient, message, outcome);
    return outcome instanceof SendOutcome.Sent sent ? sent.chatOpensAt() : Optional.empty();
  }

  private void answer(
      Connection connection, ChannelAccount recipient, OutboxMessage message, SendOutcome outcome) {
    if (outcome instanceof SendOutcome.Sent) {
      accounts.touch(recipient.id(), clock.instant());
    } else if (outcome instanceof SendOutcome.RecipientBlocked) {
      markBlocked(connection, recipient);
      drop(message, DropReason.BOT_BLOCKED);
    } else if (outcome instanceof SendOutcome.TopicClosed
        || outcome instanceof SendOutcome.TopicNotFound) {
      tellSpecialist(
          connection,
          recipient,
          LineNotices.topicUndelivered(
              connection, outcome instanceof SendOutcome.TopicClosed, message.post()),
          "topic-closed:" + message.sourceEventId());
      drop(message, DropReason.TOPIC_CLOSED);
    } else if (outcome instanceof SendOutcome.TooLarge) {
      tellSpecialist(
          connection,
          recipient,
          LineNotices.refusedAsTooLarge(connection, fileName(message.post())),
          "too-large:" + message.sourceEventId());
      drop(message, DropReason.TOO_LARGE);
    } else if (outcome instanceof SendOutcome.ChatNotFound) {
      drop(message, DropReason.CHAT_NOT_FOUND);
    } else if (outcome instanceof SendOutcome.ChatMoved moved) {
      // a chat that moved twice within one send: the next attempt starts from the stored chat
      throw new IllegalStateException("chat moved again, to " + moved.newChat());
    }
  }

  /**
   * Into the account's chat, and its topic if it stands for one on a messenger that has topics
   * (B9). B8: a group that became a supergroup is re-keyed and the same message goes to its new id,
   * once.
   */
  private SendOutcome send(Connection connection, ChannelAccount recipient, ChannelPost post) {
    Optional<TopicId> topic = recipient.topicId().filter(id -> hasTopics(connection.channel()));
    SendOutcome outcome = messenger.send(connection.botAccess(), recipient.chat(), topic, post);
    if (outcome instanceof SendOutcome.ChatMoved moved) {
      accounts.moveChat(connection.id(), recipient.chat(), moved.newChat());
      return messenger.send(connection.botAccess(), moved.newChat(), topic, post);
    }
    return outcome;
  }

  private boolean hasTopics(ChannelKind channel) {
    return channels
        .find(channel)
        .map(description -> description.abilities().topics())
        .orElse(false);
  }

  /**
   * Text as it is; a file fetched from the line after its size was found within the outbound limit,
   * typed as the download declares it, else as its name says.
   */
  private Optional<ChannelPost> prepare(
      Connection connection, ChannelAccount recipient, OutboxMessage message) {
    OutboundPost post = message.post();
    if (post instanceof OutboundPost.Text text) {
      return Optional.of(new ChannelPost.Text(text.text(), text.keyboard()));
    }
    OutboundPost.File file = (OutboundPost.File) post;
    ChannelLimits limits = channels.limits(connection.channel());
    LimitCheck declared = limits.check(Direction.TO_CHANNEL, fileContent(file));
    if (!declared.allowed()) {
      refuseOversize(connection, recipient, message, file, (LimitCheck.TooLarge) declared);
      return Optional.empty();
    }
    RemoteFile remote = platform.fetchLineFile(connection.lineAccess(), file.file().ref());
    LimitCheck actual = limits.checkSize(Direction.TO_CHANNEL, file.kind(), remote.sizeBytes());
    if (!actual.allowed()) {
      refuseOversize(connection, recipient, message, file, (LimitCheck.TooLarge) actual);
      return Optional.empty();
    }
    return Optional.of(
        new ChannelPost.File(
            file.kind(),
            file.file().fileName(),
            remote.mimeType().orElse(file.file().mimeType()),
            remote.sizeBytes(),
            remote.source(),
            file.caption(),
            file.keyboard()));
  }

  private static MessageContent fileContent(OutboundPost.File file) {
    return file.kind() == LimitCheck.FileKind.IMAGE
        ? new MessageContent.Image(file.file(), file.caption())
        : new MessageContent.Document(file.file(), file.caption());
  }

  /**
   * The specialist learns in the line's chat that the file did not go; the user is not bothered.
   */
  private void refuseOversize(
      Connection connection,
      ChannelAccount recipient,
      OutboxMessage message,
      OutboundPost.File file,
      LimitCheck.TooLarge tooLarge) {
    String text = LineNotices.notSent(connection, file.file().fileName(), tooLarge);
    tellSpecialist(connection, recipient, text, "too-large:" + message.sourceEventId());
    drop(message, DropReason.TOO_LARGE);
  }

  /**
   * F11: marked, so later sends stop before the messenger, then the specialist is told. Should
   * telling fail, the retried row finds the account blocked and tells again under the same episode
   * id: once. The mark is a compare-and-set: another instance that still saw the account unblocked
   * (its cache) and met the same 403 gets the first block's time back, not a second episode.
   */
  private void markBlocked(Connection connection, ChannelAccount recipient) {
    ChannelAccount blocked = accounts.markBlocked(recipient.id(), clock.instant());
    UnreachableNotice.tell(platform, connection, blocked);
  }

  /**
   * A gateway notice in the user's chat with the line. A line that refuses it (switched off for the
   * user: nobody reads that chat, F9) is not asked again; the drop record remains.
   */
  private void tellSpecialist(
      Connection connection, ChannelAccount recipient, String text, String externalId) {
    platform.noticeInLine(connection.lineAccess(), recipient.platformUser(), text, externalId);
  }

  private static String fileName(OutboundPost post) {
    return post instanceof OutboundPost.File file ? file.file().fileName() : "—";
  }

  private void drop(OutboxMessage message, DropReason reason) {
    dropped.record(
        new DroppedMessage(
            message.connection(),
            Optional.of(message.account()),
            Direction.TO_CHANNEL,
            reason,
            message.sourceEventId(),
            clock.instant()));
  }
}
