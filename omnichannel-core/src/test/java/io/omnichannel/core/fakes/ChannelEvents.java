package io.omnichannel.core.fakes;

import io.omnichannel.core.domain.Attachment;
import io.omnichannel.core.domain.ChannelEvent;
import io.omnichannel.core.domain.ChannelEvent.ChannelMessage;
import io.omnichannel.core.domain.ChannelEvent.Membership;
import io.omnichannel.core.domain.ChatId;
import io.omnichannel.core.domain.ChatKind;
import io.omnichannel.core.domain.FileRef;
import io.omnichannel.core.domain.MessageContent;
import io.omnichannel.core.domain.MessageContext;
import io.omnichannel.core.domain.Sender;
import io.omnichannel.core.domain.TopicId;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/** Messenger events as an adapter would decode them, built in one line for tests. */
public final class ChannelEvents {
  private ChannelEvents() {}

  public static ChatId chat(String id) {
    return new ChatId(id);
  }

  public static ChannelMessage privateText(String chatId, String name, String text) {
    return privateMessage(chatId, name, new MessageContent.Text(text));
  }

  /** A private message from a user whose username is the name in lower case without blanks. */
  public static ChannelMessage privateMessage(String chatId, String name, MessageContent content) {
    return privateMessage(chatId, name, content, MessageContext.PLAIN);
  }

  public static ChannelMessage privateMessage(
      String chatId, String name, MessageContent content, MessageContext context) {
    return new ChannelMessage(
        chat(chatId),
        ChatKind.PRIVATE,
        Optional.empty(),
        new Sender(name, Optional.of(usernameOf(name))),
        content,
        context);
  }

  public static ChannelMessage groupText(String chatId, String title, String member, String text) {
    return groupMessage(chatId, title, member, new MessageContent.Text(text));
  }

  public static ChannelMessage groupMessage(
      String chatId, String title, String member, MessageContent content) {
    return new ChannelMessage(
        chat(chatId),
        ChatKind.GROUP,
        Optional.of(title),
        new Sender(member, Optional.empty()),
        content,
        MessageContext.PLAIN);
  }

  /**
   * A message in a topic of a group (B9); {@code createdAs} is the topic's name the message tells
   * (Telegram: its name at creation), null when it tells none.
   */
  public static ChannelMessage topicMessage(
      String chatId,
      String title,
      String topicId,
      String createdAs,
      String member,
      MessageContent content) {
    return new ChannelMessage(
        chat(chatId),
        ChatKind.GROUP,
        Optional.of(title),
        new Sender(member, Optional.empty()),
        content,
        MessageContext.PLAIN,
        Optional.of(new TopicId(topicId)),
        Optional.ofNullable(createdAs));
  }

  public static ChannelMessage topicText(
      String chatId, String title, String topicId, String createdAs, String member, String text) {
    return topicMessage(chatId, title, topicId, createdAs, member, new MessageContent.Text(text));
  }

  /** B9: the topic was created or renamed. */
  public static ChannelEvent.TopicNamed topicNamed(String chatId, String topicId, String name) {
    return new ChannelEvent.TopicNamed(chat(chatId), new TopicId(topicId), name);
  }

  public static MessageContent.Image photo(String ref, long declaredBytes, String caption) {
    return new MessageContent.Image(
        Attachment.of("photo.jpg", "image/jpeg", declaredBytes, new FileRef(ref)),
        Optional.ofNullable(caption));
  }

  public static MessageContent.Document document(String ref, long declaredBytes, String caption) {
    return new MessageContent.Document(
        Attachment.of("report.pdf", "application/pdf", declaredBytes, new FileRef(ref)),
        Optional.ofNullable(caption));
  }

  /** A document whose sender did not declare its size: only a lookup tells. */
  public static MessageContent.Document documentOfUnknownSize(String ref) {
    return new MessageContent.Document(
        new Attachment("report.pdf", "application/pdf", OptionalLong.empty(), new FileRef(ref)),
        Optional.empty());
  }

  public static ChannelEvent.MembershipChanged membership(
      String chatId, ChatKind kind, Membership membership) {
    return new ChannelEvent.MembershipChanged(chat(chatId), kind, Optional.empty(), membership);
  }

  public static ChannelEvent.ChatMigrated migrated(String from, String to) {
    return new ChannelEvent.ChatMigrated(chat(from), chat(to));
  }

  public static String usernameOf(String name) {
    return name.toLowerCase(Locale.ROOT).replace(" ", "_");
  }
}
