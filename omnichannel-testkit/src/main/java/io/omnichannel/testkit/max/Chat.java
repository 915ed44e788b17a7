package io.omnichannel.testkit.max;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnichannel.testkit.support.CountedLog;
import io.omnichannel.testkit.support.SlidingWindow;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A dialog (positive id, differs from the user's id) or a group chat (negative id) of one bot.
 * Guarded by the owning {@link Bot}'s monitor.
 */
final class Chat {
  static final String DIALOG = "dialog";
  static final String GROUP = "chat";

  /** The rights an admin bot gets when a test does not name them. */
  static final Set<String> ALL_RIGHTS =
      Set.of(
          "read_all_messages",
          "add_remove_members",
          "add_admins",
          "change_chat_info",
          "pin_message",
          "write",
          "edit",
          "delete");

  record Member(MaxUser user, long joinTime, boolean admin, boolean owner) {}

  final long chatId;
  final String type;
  final MaxUser dialogUser;
  final CountedLog<MaxSentMessage> sent;
  final Map<Long, Member> members = new LinkedHashMap<>();
  String title;
  long ownerId;
  long lastEventTime;
  long messagesCount;
  boolean botStopped;
  boolean botMember;
  boolean botAdmin;
  Set<String> botRights = Set.of();
  long botJoinTime;
  SlidingWindow sendWindow;

  private Chat(long chatId, String type, MaxUser dialogUser, String title, int history) {
    this.chatId = chatId;
    this.type = type;
    this.dialogUser = dialogUser;
    this.title = title;
    this.sent = new CountedLog<>(history);
  }

  static Chat dialog(long chatId, MaxUser user, int history) {
    return new Chat(chatId, DIALOG, user, null, history);
  }

  static Chat group(long chatId, String title, int history) {
    return new Chat(chatId, GROUP, null, title, history);
  }

  boolean isDialog() {
    return DIALOG.equals(type);
  }

  /** Group updates reach only an admin bot with read_all_messages (max-bot-api.md §5). */
  boolean botSeesGroupUpdates() {
    return botMember && botAdmin && botRights.contains("read_all_messages");
  }

  String status() {
    if (isDialog()) {
      return "active";
    }
    return botMember ? "active" : "removed";
  }

  /** The wire {@code Chat} object. */
  ObjectNode json(MaxBotInfo bot) {
    ObjectNode chat = Json.object();
    chat.put("chat_id", chatId);
    chat.put("type", type);
    chat.put("status", status());
    if (isDialog()) {
      chat.putNull("title");
      chat.put("participants_count", 2);
      chat.set("dialog_with_user", dialogUser.json(lastEventTime));
    } else {
      chat.put("title", title);
      chat.put("participants_count", members.size() + (botMember ? 1 : 0));
      chat.put("owner_id", ownerId);
      ObjectNode participants = chat.putObject("participants");
      members
          .values()
          .forEach(m -> participants.put(Long.toString(m.user().userId()), m.joinTime()));
      if (botMember) {
        participants.put(Long.toString(bot.userId()), botJoinTime);
      }
    }
    chat.putNull("icon");
    chat.put("last_event_time", lastEventTime);
    chat.put("is_public", false);
    chat.put("messages_count", messagesCount);
    return chat;
  }
}
