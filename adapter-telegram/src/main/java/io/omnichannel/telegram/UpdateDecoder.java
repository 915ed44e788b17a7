package io.omnichannel.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnichannel.core.domain.ChannelEvent;
import io.omnichannel.core.domain.ChannelEvent.ChannelMessage;
import io.omnichannel.core.domain.ChannelEvent.Ignored;
import io.omnichannel.core.domain.ChannelEvent.Membership;
import io.omnichannel.core.domain.ChannelEvent.MembershipChanged;
import io.omnichannel.core.domain.ChatId;
import io.omnichannel.core.domain.ChatKind;
import io.omnichannel.core.domain.MessageContent;
import io.omnichannel.core.domain.MessageContext;
import io.omnichannel.core.domain.Sender;
import io.omnichannel.core.domain.TopicId;
import io.omnichannel.core.port.out.ChannelUpdateDecoder;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Telegram {@code Update} as JSON → the core's {@link ChannelEvent}. No I/O; the only state is
 * the count of updates it had to ignore (new kinds of the API, channel posts, service messages).
 */
final class UpdateDecoder implements ChannelUpdateDecoder {
  private static final Set<String> MEMBER = Set.of("creator", "administrator", "member");

  private final ObjectMapper json;
  private final AtomicLong ignored = new AtomicLong();

  UpdateDecoder(ObjectMapper json) {
    this.json = json;
  }

  long ignoredCount() {
    return ignored.get();
  }

  @Override
  public ChannelEvent decode(String payload) {
    JsonNode update = read(payload);
    ChannelEvent event = map(update);
    if (event instanceof Ignored) {
      ignored.incrementAndGet();
    }
    return event;
  }

  private JsonNode read(String payload) {
    try {
      JsonNode node = json.readTree(payload);
      if (node == null || !node.isObject()) {
        throw new IllegalArgumentException("a Telegram update is a JSON object");
      }
      return node;
    } catch (IOException e) {
      throw new IllegalArgumentException("not a Telegram update: malformed JSON");
    }
  }

  private static ChannelEvent map(JsonNode update) {
    if (update.has("message")) {
      return message(update.get("message"), false);
    }
    if (update.has("edited_message")) {
      return message(update.get("edited_message"), true);
    }
    if (update.has("my_chat_member")) {
      return membership(update.get("my_chat_member"));
    }
    return new Ignored(kindOf(update));
  }

  /** The name of the update's payload field, e.g. {@code callback_query}, or {@code empty}. */
  private static String kindOf(JsonNode update) {
    Iterator<String> names = update.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!"update_id".equals(name)) {
        return name;
      }
    }
    return "empty";
  }

  private static ChannelEvent message(JsonNode message, boolean edited) {
    JsonNode chat = message.path("chat");
    ChatId chatId = chatId(chat);
    if (message.hasNonNull("migrate_to_chat_id")) {
      return new ChannelEvent.ChatMigrated(
          chatId, new ChatId(message.get("migrate_to_chat_id").asText()));
    }
    if (message.hasNonNull("migrate_from_chat_id")) {
      return new ChannelEvent.ChatMigrated(
          new ChatId(message.get("migrate_from_chat_id").asText()), chatId);
    }
    Optional<ChatKind> kind = chatKind(chat);
    if (kind.isEmpty()) {
      return new Ignored(chat.path("type").asText("chat") + "_message");
    }
    Optional<TopicId> topic = kind.get() == ChatKind.GROUP ? topic(message) : Optional.empty();
    Optional<ChannelEvent> topicChange = ForumTopicMessages.change(message, chatId, topic);
    if (topicChange.isPresent()) {
      return topicChange.get();
    }
    Optional<MessageContent> content = MessageContents.of(message);
    if (content.isEmpty()) {
      return new Ignored(edited ? "edited_service_message" : "service_message");
    }
    MessageContext context =
        new MessageContext(edited, replyQuote(message), text(message, "media_group_id"));
    return new ChannelMessage(
        chatId,
        kind.get(),
        title(chat, kind.get()),
        sender(message),
        content.get(),
        context,
        topic,
        topic.flatMap(id -> ForumTopicMessages.createdAs(message)));
  }

  /**
   * B9: the forum topic a message belongs to. Only {@code is_topic_message} makes its {@code
   * message_thread_id} a topic: a reply in the general topic (or in a group without topics) carries
   * the id of the thread it replies into, which is no topic.
   */
  private static Optional<TopicId> topic(JsonNode message) {
    if (!message.path("is_topic_message").asBoolean(false)
        || !message.path("message_thread_id").canConvertToLong()) {
      return Optional.empty();
    }
    return Optional.of(new TopicId(Long.toString(message.get("message_thread_id").asLong())));
  }

  private static ChannelEvent membership(JsonNode change) {
    JsonNode chat = change.path("chat");
    Optional<ChatKind> kind = chatKind(chat);
    if (kind.isEmpty()) {
      return new Ignored("my_chat_member");
    }
    boolean was = isMember(change.path("old_chat_member"));
    boolean is = isMember(change.path("new_chat_member"));
    if (was == is) {
      return new Ignored("my_chat_member");
    }
    Membership membership =
        kind.get() == ChatKind.PRIVATE
            ? (is ? Membership.UNBLOCKED : Membership.BLOCKED)
            : (is ? Membership.JOINED : Membership.LEFT);
    return new MembershipChanged(chatId(chat), kind.get(), title(chat, kind.get()), membership);
  }

  private static boolean isMember(JsonNode member) {
    String status = member.path("status").asText("");
    return MEMBER.contains(status)
        || "restricted".equals(status) && member.path("is_member").asBoolean(false);
  }

  private static ChatId chatId(JsonNode chat) {
    if (!chat.hasNonNull("id")) {
      throw new IllegalArgumentException("a Telegram message without chat.id");
    }
    return new ChatId(chat.get("id").asText());
  }

  private static Optional<ChatKind> chatKind(JsonNode chat) {
    switch (chat.path("type").asText("")) {
      case "private":
        return Optional.of(ChatKind.PRIVATE);
      case "group":
      case "supergroup":
        return Optional.of(ChatKind.GROUP);
      default:
        return Optional.empty();
    }
  }

  private static Optional<String> title(JsonNode chat, ChatKind kind) {
    return kind == ChatKind.GROUP ? text(chat, "title") : Optional.empty();
  }

  /** "First Last" of the author; an anonymous group admin writes as the chat itself. */
  private static Sender sender(JsonNode message) {
    JsonNode from = message.path("from");
    if (message.has("sender_chat") || !from.hasNonNull("first_name")) {
      JsonNode senderChat =
          message.has("sender_chat") ? message.get("sender_chat") : message.path("chat");
      return new Sender(text(senderChat, "title").orElse("Telegram"), text(senderChat, "username"));
    }
    String name =
        from.get("first_name").asText()
            + text(from, "last_name").map(last -> " " + last).orElse("");
    return new Sender(name.isBlank() ? "Telegram" : name.strip(), text(from, "username"));
  }

  /** The first non-blank line of the text or caption of the message replied to. */
  private static Optional<String> replyQuote(JsonNode message) {
    JsonNode replied = message.path("reply_to_message");
    return text(replied, "text")
        .or(() -> text(replied, "caption"))
        .flatMap(
            quoted ->
                quoted.lines().map(String::strip).filter(line -> !line.isEmpty()).findFirst());
  }

  static Optional<String> text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isValueNode() && !value.isNull() && !value.asText().isBlank()
        ? Optional.of(value.asText())
        : Optional.empty();
  }
}
