package io.omnichannel.testkit.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Iterator;
import java.util.function.Consumer;

/** Builds updates the way the real service shapes them and queues them for one bot. */
final class UpdateInjector {
  private static final java.util.concurrent.atomic.AtomicLong CALLBACK_IDS =
      new java.util.concurrent.atomic.AtomicLong(4_000_000_000_000_000_000L);
  final Bot bot;
  final FileStore files;

  UpdateInjector(Bot bot, FileStore files) {
    this.bot = bot;
    this.files = files;
  }

  InjectedUpdate message(ChatState chat, UserSpec from, Consumer<ObjectNode> content) {
    synchronized (chat) { // message ids and update ids of one chat increase together
      ObjectNode message = newMessage(chat, from);
      content.accept(message);
      return queue("message", chat.id, message);
    }
  }

  InjectedUpdate edited(ChatState chat, UserSpec from, long messageId, String newText) {
    ObjectNode message = Json.object();
    message.put("message_id", messageId);
    if (from != null) {
      message.set("from", userJson(from));
    }
    message.set("chat", chat.toJson());
    long now = Instant.now().getEpochSecond();
    message.put("date", now - 1);
    message.put("edit_date", now);
    message.put("text", newText);
    TextEntities.put(message, "entities", newText);
    return queue("edited_message", chat.id, message);
  }

  InjectedUpdate membership(
      ChatState chat, UserSpec by, ChatState.Standing oldStanding, ChatState.Standing newStanding) {
    chat.setStanding(newStanding);
    ObjectNode change = Json.object();
    change.set("chat", chat.toJson());
    change.set("from", userJson(by));
    change.put("date", Instant.now().getEpochSecond());
    change.set("old_chat_member", member(oldStanding));
    change.set("new_chat_member", member(newStanding));
    return queue("my_chat_member", chat.id, change);
  }

  InjectedUpdate callbackQuery(ChatState chat, UserSpec from, ObjectNode message, String data) {
    ObjectNode query = Json.object();
    query.put("id", Long.toString(CALLBACK_IDS.incrementAndGet()));
    query.set("from", userJson(from));
    query.set("message", message);
    query.put("chat_instance", Long.toString(chat.id * 31 + bot.info.id()));
    query.put("data", data);
    return queue("callback_query", chat.id, query);
  }

  /** The bot's own message with this id if it is still kept, else the minimal form. */
  ObjectNode knownMessage(ChatState chat, long messageId) {
    for (SentMessage sent : bot.sentTo(chat.id).snapshot()) {
      if (sent.messageId() == messageId) {
        return (ObjectNode) Json.parse(sent.json());
      }
    }
    ObjectNode minimal = Json.object();
    minimal.put("message_id", messageId);
    minimal.set("chat", chat.toJson());
    minimal.put("date", Instant.now().getEpochSecond());
    return minimal;
  }

  InjectedUpdate raw(String json) {
    JsonNode parsed = Json.parse(json);
    if (!parsed.isObject()) {
      throw new IllegalArgumentException("an update is a JSON object");
    }
    ObjectNode update = ((ObjectNode) parsed).deepCopy();
    update.remove("update_id");
    String kind = "unknown";
    for (Iterator<String> names = update.fieldNames(); names.hasNext(); ) {
      kind = names.next();
      break;
    }
    // chat-bound kinds (message, my_chat_member, callback_query) keep per-chat webhook order
    long chatId = update.path(kind).path("chat").path("id").asLong(0);
    if (chatId == 0) {
      chatId = update.path(kind).path("message").path("chat").path("id").asLong(0);
    }
    long updateId = bot.updates.add(update, chatId, kind);
    ObjectNode delivered = Json.object().put("update_id", updateId);
    delivered.setAll(update);
    return new InjectedUpdate(updateId, chatId, 0, delivered.toString());
  }

  ObjectNode newMessage(ChatState chat, UserSpec from) {
    ObjectNode message = Json.object();
    message.put("message_id", chat.nextMessageId());
    message.set("from", userJson(from));
    message.set("chat", chat.toJson());
    message.put("date", Instant.now().getEpochSecond());
    return message;
  }

  InjectedUpdate queue(String kind, long chatId, ObjectNode payload) {
    ObjectNode update = Json.object();
    update.set(kind, payload);
    long updateId = bot.updates.add(update, chatId, kind);
    ObjectNode delivered = Json.object().put("update_id", updateId);
    delivered.setAll(update);
    return new InjectedUpdate(
        updateId, chatId, payload.path("message_id").asLong(0), delivered.toString());
  }

  static ObjectNode userJson(UserSpec user) {
    ObjectNode json = Json.object();
    json.put("id", user.id());
    json.put("is_bot", false);
    json.put("first_name", user.firstName());
    if (user.lastName() != null) {
      json.put("last_name", user.lastName());
    }
    if (user.username() != null) {
      json.put("username", user.username());
    }
    if (user.languageCode() != null) {
      json.put("language_code", user.languageCode());
    }
    return json;
  }

  private ObjectNode member(ChatState.Standing standing) {
    ObjectNode member = Json.object();
    member.set("user", bot.userJson());
    switch (standing) {
      case ADMINISTRATOR -> {
        member.put("status", "administrator");
        member.put("can_be_edited", false);
        member.put("can_manage_chat", true);
        member.put("can_change_info", true);
        member.put("can_delete_messages", true);
        member.put("can_invite_users", true);
        member.put("can_restrict_members", true);
        member.put("can_pin_messages", true);
        member.put("can_promote_members", false);
        member.put("can_manage_video_chats", true);
        // required in the Bot API; a strictly typed client rejects an administrator without them
        member.put("can_post_stories", false);
        member.put("can_edit_stories", false);
        member.put("can_delete_stories", false);
        member.put("is_anonymous", false);
      }
      case MEMBER -> member.put("status", "member");
      case LEFT -> member.put("status", "left");
      case KICKED -> {
        member.put("status", "kicked");
        member.put("until_date", 0);
      }
      default -> throw new IllegalStateException(standing.name());
    }
    return member;
  }
}
