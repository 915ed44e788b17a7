package io.omnichannel.max;

import static io.omnichannel.max.MaxContents.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnichannel.core.domain.ChannelEvent;
import io.omnichannel.core.domain.ChannelEvent.ChannelMessage;
import io.omnichannel.core.domain.ChannelEvent.Ignored;
import io.omnichannel.core.domain.ChannelEvent.Membership;
import io.omnichannel.core.domain.ChannelEvent.MembershipChanged;
import io.omnichannel.core.domain.ChannelEvent.MessageParts;
import io.omnichannel.core.domain.ChatId;
import io.omnichannel.core.domain.ChatKind;
import io.omnichannel.core.domain.MessageContent;
import io.omnichannel.core.domain.MessageContext;
import io.omnichannel.core.domain.Sender;
import io.omnichannel.core.port.out.ChannelUpdateDecoder;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A MAX {@code Update} as JSON → the core's {@link ChannelEvent}. No I/O; the only state is the
 * count of updates it had to ignore.
 *
 * <ul>
 *   <li>{@code message_created} / {@code message_edited} in a dialog or a group → a message (a
 *       group is one user who speaks with each member's name, F10), or a message of parts when its
 *       body holds several attachments; channel posts are ignored;
 *   <li>{@code bot_stopped} → the user blocked the bot, {@code bot_started} → unblocked;
 *   <li>{@code bot_added} / {@code bot_removed} → the bot joined / left a group (a new epoch);
 *   <li>anything else (members joining or leaving, titles, removals, mutes, callback presses: the
 *       gateway sends no callback button) → ignored, counted.
 * </ul>
 */
final class MaxDecoder implements ChannelUpdateDecoder {
  private final ObjectMapper json;
  private final AtomicLong ignored = new AtomicLong();

  MaxDecoder(ObjectMapper json) {
    this.json = json;
  }

  long ignoredCount() {
    return ignored.get();
  }

  @Override
  public ChannelEvent decode(String payload) {
    ChannelEvent event = map(read(payload));
    if (event instanceof Ignored) {
      ignored.incrementAndGet();
    }
    return event;
  }

  private JsonNode read(String payload) {
    JsonNode node;
    try {
      node = json.readTree(payload);
    } catch (IOException e) {
      throw new IllegalArgumentException("not a MAX update: malformed JSON");
    }
    if (node == null || !node.isObject() || !node.path("update_type").isTextual()) {
      throw new IllegalArgumentException("a MAX update is a JSON object with update_type");
    }
    return node;
  }

  private static ChannelEvent map(JsonNode update) {
    String type = update.get("update_type").asText();
    switch (type) {
      case "message_created":
        return message(update.path("message"), false, type);
      case "message_edited":
        return message(update.path("message"), true, type);
      case "bot_started":
        return dialogMembership(update, Membership.UNBLOCKED, type);
      case "bot_stopped":
        return dialogMembership(update, Membership.BLOCKED, type);
      case "bot_added":
        return groupMembership(update, Membership.JOINED, type);
      case "bot_removed":
        return groupMembership(update, Membership.LEFT, type);
      default:
        return new Ignored(type);
    }
  }

  private static ChannelEvent message(JsonNode message, boolean edited, String type) {
    if (!message.isObject()) {
      throw new IllegalArgumentException("a MAX " + type + " update without message");
    }
    JsonNode recipient = message.path("recipient");
    Optional<ChatKind> kind = chatKind(recipient);
    if (kind.isEmpty()) {
      return new Ignored(recipient.path("chat_type").asText("unknown") + "_message");
    }
    ChatId chat = chatId(recipient.path("chat_id"), type);
    if (message.path("sender").path("is_bot").asBoolean(false)) {
      // a bot's own message (ours echoed, or another bot's in a group): nobody to relay for
      return new Ignored("bot_message");
    }
    List<MessageContent> contents = MaxContents.of(message.path("body"));
    if (contents.isEmpty()) {
      return new Ignored(edited ? "edited_empty_message" : "empty_message");
    }
    Sender sender = sender(message.path("sender"));
    MessageContext context = new MessageContext(edited, replyQuote(message), Optional.empty());
    List<ChannelMessage> parts =
        contents.stream()
            .map(
                content ->
                    new ChannelMessage(
                        chat, kind.get(), Optional.empty(), sender, content, context))
            .toList();
    return parts.size() == 1 ? parts.get(0) : new MessageParts(parts);
  }

  private static ChannelEvent dialogMembership(
      JsonNode update, Membership membership, String type) {
    return new MembershipChanged(
        chatId(update.path("chat_id"), type), ChatKind.PRIVATE, Optional.empty(), membership);
  }

  private static ChannelEvent groupMembership(JsonNode update, Membership membership, String type) {
    if (update.path("is_channel").asBoolean(false)) {
      return new Ignored(type + "_channel");
    }
    return new MembershipChanged(
        chatId(update.path("chat_id"), type), ChatKind.GROUP, Optional.empty(), membership);
  }

  /**
   * {@code dialog} → private, {@code chat} → group; a channel is not a chat the gateway serves. A
   * recipient without a type is told by its id's sign (group ids are negative).
   */
  private static Optional<ChatKind> chatKind(JsonNode recipient) {
    switch (recipient.path("chat_type").asText("")) {
      case "dialog":
        return Optional.of(ChatKind.PRIVATE);
      case "chat":
        return Optional.of(ChatKind.GROUP);
      case "":
        if (recipient.path("chat_id").isIntegralNumber()) {
          return Optional.of(
              recipient.get("chat_id").asLong() < 0 ? ChatKind.GROUP : ChatKind.PRIVATE);
        }
        return Optional.empty();
      default:
        return Optional.empty();
    }
  }

  private static ChatId chatId(JsonNode id, String type) {
    if (!id.isIntegralNumber()) {
      throw new IllegalArgumentException("a MAX " + type + " update without a chat id");
    }
    return new ChatId(id.asText());
  }

  /** "First Last" of the author, or its deprecated {@code name}; "MAX" when it has none. */
  private static Sender sender(JsonNode user) {
    return new Sender(displayName(user).orElse("MAX"), text(user, "username"));
  }

  static Optional<String> displayName(JsonNode user) {
    String name =
        (text(user, "first_name").orElse("")
                + text(user, "last_name").map(last -> " " + last).orElse(""))
            .strip();
    if (name.isEmpty()) {
      name = text(user, "name").orElse("").strip();
    }
    return name.isEmpty() ? Optional.empty() : Optional.of(name);
  }

  /** The first non-blank line of the message replied to. */
  private static Optional<String> replyQuote(JsonNode message) {
    JsonNode link = message.path("link");
    if (!"reply".equals(link.path("type").asText(""))) {
      return Optional.empty();
    }
    return text(link.path("message"), "text")
        .flatMap(
            quoted ->
                quoted.lines().map(String::strip).filter(line -> !line.isEmpty()).findFirst());
  }
}
