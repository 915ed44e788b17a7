package io.omnichannel.core.usecase;

import io.omnichannel.core.domain.AccountId;
import io.omnichannel.core.domain.Attachment;
import io.omnichannel.core.domain.ChannelAccount;
import io.omnichannel.core.domain.ChannelCatalog;
import io.omnichannel.core.domain.ChannelEvent;
import io.omnichannel.core.domain.ChannelEvent.ChannelMessage;
import io.omnichannel.core.domain.ChannelEvent.ChatMigrated;
import io.omnichannel.core.domain.ChannelEvent.MembershipChanged;
import io.omnichannel.core.domain.ChannelEvent.MessageParts;
import io.omnichannel.core.domain.ChannelEvent.TopicNamed;
import io.omnichannel.core.domain.ChannelLimits;
import io.omnichannel.core.domain.ChatId;
import io.omnichannel.core.domain.ChatKind;
import io.omnichannel.core.domain.Connection;
import io.omnichannel.core.domain.ConnectionState;
import io.omnichannel.core.domain.Direction;
import io.omnichannel.core.domain.DroppedMessage;
import io.omnichannel.core.domain.DroppedMessage.DropReason;
import io.omnichannel.core.domain.ForumTopic;
import io.omnichannel.core.domain.InboundRecord;
import io.omnichannel.core.domain.Keyboard;
import io.omnichannel.core.domain.LimitCheck;
import io.omnichannel.core.domain.LimitCheck.FileKind;
import io.omnichannel.core.domain.LinePost;
import io.omnichannel.core.domain.MessageContent;
import io.omnichannel.core.domain.MessageContent.Document;
import io.omnichannel.core.domain.MessageContent.Image;
import io.omnichannel.core.domain.OutboundPost;
import io.omnichannel.core.domain.OutboxMessage;
import io.omnichannel.core.domain.RemoteFile;
import io.omnichannel.core.domain.TopicId;
import io.omnichannel.core.domain.failure.ApiAccountRejected;
import io.omnichannel.core.domain.failure.ChannelFailure;
import io.omnichannel.core.domain.failure.ConnectionRuleViolated;
import io.omnichannel.core.domain.failure.PlatformRejected;
import io.omnichannel.core.port.out.AccountRepository;
import io.omnichannel.core.port.out.ConnectionRepository;
import io.omnichannel.core.port.out.DeliveryOutcome;
import io.omnichannel.core.port.out.DroppedMessageLog;
import io.omnichannel.core.port.out.LineRelay;
import io.omnichannel.core.port.out.MessengerChannel;
import io.omnichannel.core.port.out.TopicNames;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Messenger → line (F3, F6, F8, F9, F10, B7, B8, B9). Creates the account on first contact, drops
 * and records what a ban stops, forwards within the limits and answers what it cannot forward with
 * a notice. The notices are returned, for the caller to enqueue in the same transaction that
 * completes the event.
 */
public final class RelayToLine {
  private final LineRelay platform;
  private final MessengerChannel messenger;
  private final ChannelCatalog channels;
  private final AccountRepository accounts;
  private final TopicNames topics;
  private final ConnectionRepository connections;
  private final DroppedMessageLog dropped;
  private final LineBans bans;
  private final Clock clock;

  /**
   * @param messenger every messenger of the deployment, each connection's reached by its channel
   * @param channels how each messenger describes itself (its size limits)
   */
  public RelayToLine(
      LineRelay platform,
      MessengerChannel messenger,
      ChannelCatalog channels,
      AccountRepository accounts,
      TopicNames topics,
      ConnectionRepository connections,
      DroppedMessageLog dropped,
      Clock clock) {
    this.platform = platform;
    this.messenger = messenger;
    this.channels = channels;
    this.accounts = accounts;
    this.topics = topics;
    this.connections = connections;
    this.dropped = dropped;
    this.bans = new LineBans(platform, accounts, clock);
    this.clock = clock;
  }

  /** Handles one event; returns the sends back to the messenger it causes. */
  public List<OutboxMessage> relay(Connection connection, ChannelEvent event, String eventId) {
    if (event instanceof ChannelMessage message) {
      if (!connection.isActive()) {
        drop(connection, Optional.empty(), DropReason.DISCONNECTED, eventId);
        return List.of();
      }
      try {
        return relayMessage(connection, message, eventId);
      } catch (ApiAccountRejected rejected) {
        // F5 shows it; the event stays as a dead row with the reason, to replay once the account
        // works again
        markState(connection, ConnectionState.API_ACCOUNT_REJECTED);
        throw rejected;
      }
    }
    if (event instanceof MessageParts message) {
      return relayParts(connection, message, eventId);
    }
    if (event instanceof MembershipChanged change) {
      applyMembership(connection, change);
    } else if (event instanceof ChatMigrated migrated) {
      accounts.moveChat(connection.id(), migrated.from(), migrated.to());
    } else if (event instanceof TopicNamed named) {
      topics.remember(connection.id(), named.chat(), named.topic(), named.name());
    }
    return List.of();
  }

  /**
   * Relays an album's items back to back: the first file's comment carries the album's header and
   * its caption, whichever item had it; the others go without one. Each item keeps its own event id
   * as its external id, so a retry after a failure midway lands none twice.
   */
  List<OutboxMessage> relayAlbum(Connection connection, Album album) {
    return relayInOrder(connection, album.items(), Optional.of(album.header()));
  }

  /**
   * The parts of one message, in order, each under an id of its own made from the event's: a retry
   * after a failure midway delivers the same ids again, which the line takes once (B1), and the
   * notices go out once, with the completion. Two files or more are headed as an album.
   */
  private List<OutboxMessage> relayParts(
      Connection connection, MessageParts message, String eventId) {
    List<Album.Item> items = new ArrayList<>();
    for (int i = 0; i < message.parts().size(); i++) {
      items.add(new Album.Item(message.parts().get(i), partId(eventId, i)));
    }
    Album parts = new Album(items, List.of(), false);
    return relayInOrder(
        connection, items, parts.files() >= 2 ? Optional.of(parts.header()) : Optional.empty());
  }

  /**
   * The first part keeps the event's id (as a message of one part has it); a later one appends its
   * number, or, where that would not fit the store, follows a digest of the event's id.
   */
  static String partId(String eventId, int index) {
    if (index == 0) {
      return eventId;
    }
    String suffix = "#" + (index + 1);
    String id = eventId + suffix;
    return id.length() <= InboundRecord.MAX_EVENT_ID
        ? id
        : UUID.nameUUIDFromBytes(eventId.getBytes(StandardCharsets.UTF_8)) + suffix;
  }

  /**
   * Items back to back: the first file's comment carries the header and every item's caption; the
   * other files go without one, other content as it is.
   */
  private List<OutboxMessage> relayInOrder(
      Connection connection, List<Album.Item> items, Optional<String> header) {
    String caption =
        Stream.concat(
                header.stream(),
                items.stream()
                    .map(item -> captionOf(item.message().content()))
                    .flatMap(Optional::stream)
                    .distinct())
            .collect(Collectors.joining("\n"));
    int head = 0;
    while (head < items.size() - 1 && attachmentOf(items.get(head).message().content()).isEmpty()) {
      head++;
    }
    List<OutboxMessage> sends = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      Album.Item item = items.get(i);
      Optional<String> own = i == head ? Optional.of(caption) : Optional.empty();
      sends.addAll(relay(connection, withCaption(item.message(), own), item.eventId()));
    }
    return sends;
  }

  private static ChannelMessage withCaption(ChannelMessage message, Optional<String> caption) {
    MessageContent content = message.content();
    if (content instanceof Image image) {
      content = new Image(image.file(), caption);
    } else if (content instanceof Document document) {
      content = new Document(document.file(), caption);
    }
    return new ChannelMessage(
        message.chat(),
        message.kind(),
        message.chatTitle(),
        message.sender(),
        content,
        message.context(),
        message.topic(),
        message.topicName());
  }

  private List<OutboxMessage> relayMessage(
      Connection connection, ChannelMessage message, String eventId) {
    ChannelAccount account = openAccount(connection, message);
    // the stored ban state, kept by the line's subscription events: no question per message
    if (account.isBanned()) {
      drop(connection, Optional.of(account.id()), DropReason.BANNED, eventId);
      return List.of();
    }
    Forwarding forwarding =
        forwarding(connection, message, renamedTopic(connection, account), eventId);
    DeliveryOutcome outcome =
        platform.deliverFromUser(
            connection.lineAccess(), account.platformUser(), forwarding.post());
    if (outcome instanceof DeliveryOutcome.TariffOptionOff) {
      markState(connection, ConnectionState.TARIFF_OPTION_OFF);
      drop(connection, Optional.of(account.id()), DropReason.TARIFF_OPTION_OFF, eventId);
      return List.of();
    }
    if (!(outcome instanceof DeliveryOutcome.Delivered)) {
      return refusedOnTheLine(connection, account, outcome, eventId);
    }
    accounts.touch(account.id(), clock.instant());
    if (connection.state() == ConnectionState.API_ACCOUNT_REJECTED
        || connection.state() == ConnectionState.TARIFF_OPTION_OFF) {
      // a delivery into the line needs both the API account and the tariff option: they work again
      markState(connection, ConnectionState.ACTIVE);
    }
    return forwarding
        .notice()
        .map(
            text ->
                List.of(
                    new OutboxMessage(
                        connection.id(),
                        message.chat(),
                        account.id(),
                        new OutboundPost.Text(text, Keyboard.UNCHANGED),
                        eventId)))
        .orElse(List.of());
  }

  /**
   * 1C-Connect refused the user on the line: a ban whose event the gateway has not seen (yet). One
   * SOAP read settles the stored state. The message itself was refused for the ban 1C-Connect saw
   * at that moment ("switched off"), and is dropped as banned; "not a subscriber" without a ban
   * behind it is no ban and stays a failure of the event (a dead row, to rework).
   */
  private List<OutboxMessage> refusedOnTheLine(
      Connection connection, ChannelAccount account, DeliveryOutcome refused, String eventId) {
    boolean banned = bans.recheck(connection, account);
    if (!banned && refused instanceof DeliveryOutcome.NotASubscriber) {
      throw new PlatformRejected("deliverFromUser", "not a subscriber of the line");
    }
    drop(connection, Optional.of(account.id()), DropReason.BANNED, eventId);
    return List.of();
  }

  /** What goes into the line, and the notice for the user when the content itself could not go. */
  private record Forwarding(LinePost post, Optional<String> notice) {}

  private Forwarding forwarding(
      Connection connection,
      ChannelMessage message,
      Optional<String> renamedTopic,
      String eventId) {
    MessageContent content = message.content();
    ChannelLimits limits = channels.limits(connection.channel());
    LimitCheck declared = limits.check(Direction.TO_LINE, content);
    Optional<Attachment> file = attachmentOf(content);
    String fileName = file.map(Attachment::fileName).orElse("");
    if (!declared.allowed()) {
      return refused(message, renamedTopic, declared, fileName, limits, eventId);
    }
    if (file.isEmpty()) {
      return new Forwarding(
          new LinePost.Text(LineTextRenderer.text(message, renamedTopic), eventId),
          Optional.empty());
    }
    FileKind kind = content instanceof Image ? FileKind.IMAGE : FileKind.FILE;
    RemoteFile remote = messenger.fetchFile(connection.botAccess(), file.get().ref());
    LimitCheck actual = limits.checkSize(Direction.TO_LINE, kind, remote.sizeBytes());
    if (!actual.allowed()) {
      return refused(message, renamedTopic, actual, fileName, limits, eventId);
    }
    Optional<String> comment =
        LineTextRenderer.fileComment(message, renamedTopic, captionOf(content));
    return new Forwarding(
        new LinePost.File(
            kind,
            fileName,
            file.get().mimeType(),
            remote.sizeBytes(),
            remote.source(),
            comment,
            eventId),
        Optional.empty());
  }

  private static Forwarding refused(
      ChannelMessage message,
      Optional<String> renamedTopic,
      LimitCheck refusal,
      String fileName,
      ChannelLimits limits,
      String eventId) {
    String placeholder =
        LineTextRenderer.placeholder(
            message, renamedTopic, refusal, fileName, captionOf(message.content()));
    return new Forwarding(
        new LinePost.Text(placeholder, eventId),
        Optional.of(UserNotices.notForwarded(refusal, fileName, limits)));
  }

  /**
   * The account of the chat (or of its topic, B9) of the current epoch, created on first contact
   * (F3) or after the bot rejoined (F10).
   */
  private ChannelAccount openAccount(Connection connection, ChannelMessage message) {
    Optional<ChannelAccount> open =
        accounts.findOpen(connection.id(), message.chat(), message.topic());
    if (open.isPresent()) {
      ChannelAccount account = adopted(connection, open.get());
      if (account.isBlocked()) {
        accounts.clearBlock(account.id());
        return account.unblocked();
      }
      return account;
    }
    Optional<ForumTopic> topic =
        message.topic().map(id -> new ForumTopic(id, topicName(connection, message, id)));
    String group =
        message
            .chatTitle()
            .or(() -> groupTitle(connection, message))
            .orElse(LineNotices.untitledGroup(message.chat()));
    String name =
        message.kind() == ChatKind.PRIVATE
            ? message.sender().displayName()
            : topic.map(t -> AccountNames.ofTopic(group, t.name())).orElse(group);
    Optional<String> username =
        message.kind() == ChatKind.GROUP ? Optional.empty() : message.sender().username();
    int epoch = accounts.lastEpoch(connection.id(), message.chat(), message.topic()) + 1;
    AccountId id = accountIdFor(connection, message.chat(), message.topic(), epoch);
    ChannelAccount account =
        ChannelAccount.opened(
            id,
            connection.id(),
            message.chat(),
            topic,
            message.kind(),
            epoch,
            name,
            username,
            platform.registerChannelUser(connection.lineAccess(), id, name, username),
            clock.instant());
    try {
      accounts.insert(account);
      return account;
    } catch (ConnectionRuleViolated concurrent) {
      return accounts
          .findOpen(connection.id(), message.chat(), message.topic())
          .orElseThrow(() -> concurrent);
    }
  }

  /**
   * A group's title asked of the messenger when its messages do not carry one; a failure asks none.
   */
  private Optional<String> groupTitle(Connection connection, ChannelMessage message) {
    if (message.kind() != ChatKind.GROUP) {
      return Optional.empty();
    }
    try {
      return messenger
          .groupTitle(connection.botAccess(), message.chat())
          .filter(title -> !title.isBlank());
    } catch (ChannelFailure unavailable) {
      return Optional.empty(); // the account keeps the fallback name, as before titles were asked
    }
  }

  /** B9: the topic's latest announced name, else the one the message tells, else its number. */
  private String topicName(Connection connection, ChannelMessage message, TopicId topic) {
    return topics
        .current(connection.id(), message.chat(), topic)
        .or(message::topicName)
        .orElseGet(() -> LineNotices.unnamedTopic(topic));
  }

  /**
   * B9: a topic renamed since its account was opened; its messages then carry the current name,
   * while the account keeps its own (as a group's does, F10).
   */
  private Optional<String> renamedTopic(Connection connection, ChannelAccount account) {
    return account
        .topic()
        .flatMap(
            topic ->
                topics
                    .current(connection.id(), account.chat(), topic.id())
                    .filter(current -> !current.equals(topic.name())));
  }

  /**
   * An account of an earlier connection of the bot answers to this one from now on: same user, and
   * on another line it gets that line as it had the old one (a ban stays a ban). Carrying the line
   * first and moving the account second makes a retry after a crash safe.
   */
  private ChannelAccount adopted(Connection connection, ChannelAccount account) {
    if (account.connection().equals(connection.id())) {
      return account;
    }
    Optional<Connection> earlier = connections.find(account.connection());
    if (earlier.isPresent() && !earlier.get().line().id().equals(connection.line().id())) {
      platform.carryLine(
          connection.lineAccess(), account.platformUser(), earlier.get().line().id());
    }
    ChannelAccount moved = account.adoptedBy(connection.id());
    accounts.update(moved);
    return moved;
  }

  /**
   * The same (connection, chat, topic, epoch) always gets the same id, so the platform can
   * recognise a retried registration after a crash (B1). Outside topics the key is as it was before
   * topics existed.
   */
  static AccountId accountIdFor(
      Connection connection, ChatId chat, Optional<TopicId> topic, int epoch) {
    String key =
        connection.id().value()
            + "/"
            + chat.value()
            + topic.map(id -> "#" + id.value()).orElse("")
            + "/"
            + epoch;
    return new AccountId(UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString());
  }

  /** The bot's membership is the whole chat's: it applies to the accounts of all its topics. */
  private void applyMembership(Connection connection, MembershipChanged change) {
    for (ChannelAccount account : accounts.openIn(connection.id(), change.chat())) {
      applyMembership(account, change);
    }
  }

  private void applyMembership(ChannelAccount account, MembershipChanged change) {
    switch (change.membership()) {
      // set once however many instances see it: the notice names the first time (its episode)
      case LEFT -> accounts.markLeft(account.id(), clock.instant());
      case BLOCKED -> {
        if (!account.isBlocked()) {
          accounts.markBlocked(account.id(), clock.instant());
        }
      }
      case UNBLOCKED -> {
        if (account.isBlocked()) {
          accounts.clearBlock(account.id());
        }
      }
      case JOINED -> {
        // a new epoch begins with the group's next message, once the previous one was closed by
        // LEFT
      }
    }
  }

  private void markState(Connection connection, ConnectionState state) {
    if (connection.state() != state) {
      connections.update(connection.withState(state));
    }
  }

  private void drop(
      Connection connection, Optional<AccountId> account, DropReason reason, String eventId) {
    dropped.record(
        new DroppedMessage(
            connection.id(), account, Direction.TO_LINE, reason, eventId, clock.instant()));
  }

  private static Optional<Attachment> attachmentOf(MessageContent content) {
    if (content instanceof Image image) {
      return Optional.of(image.file());
    }
    if (content instanceof Document document) {
      return Optional.of(document.file());
    }
    return Optional.empty();
  }

  private static Optional<String> captionOf(MessageContent content) {
    if (content instanceof Image image) {
      return image.caption();
    }
    if (content instanceof Document document) {
      return document.caption();
    }
    return Optional.empty();
  }
}
