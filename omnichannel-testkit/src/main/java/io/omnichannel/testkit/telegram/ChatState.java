package io.omnichannel.testkit.telegram;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A chat a bot knows, with the bot's standing in it. Mutable; guarded by its own monitor. */
final class ChatState {
  enum Type {
    PRIVATE,
    GROUP,
    SUPERGROUP
  }

  /** The bot's membership; in a private chat KICKED means the user blocked the bot. */
  enum Standing {
    MEMBER,
    ADMINISTRATOR,
    LEFT,
    KICKED
  }

  final long id;
  final Type type;
  private final String title;
  private UserSpec user;
  private Standing standing;
  private Long migratedTo;
  private boolean botWasMember;
  private long lastMessageId;
  private boolean forum;
  private final ForumTopics topics = new ForumTopics();

  private ChatState(long id, Type type, String title, UserSpec user, Standing standing) {
    this.id = id;
    this.type = type;
    this.title = title;
    this.user = user;
    this.standing = standing;
    this.botWasMember = standing == Standing.MEMBER || standing == Standing.ADMINISTRATOR;
  }

  static ChatState privateWith(UserSpec user) {
    return new ChatState(user.id(), Type.PRIVATE, null, user, Standing.MEMBER);
  }

  static ChatState group(long id, String title, Type type, Standing standing) {
    return new ChatState(id, type, title, null, standing);
  }

  boolean isGroup() {
    return type != Type.PRIVATE;
  }

  synchronized long nextMessageId() {
    return ++lastMessageId;
  }

  synchronized Standing standing() {
    return standing;
  }

  synchronized void setStanding(Standing newStanding) {
    standing = newStanding;
    botWasMember |= newStanding == Standing.MEMBER || newStanding == Standing.ADMINISTRATOR;
  }

  synchronized void migrateTo(long supergroupId) {
    migratedTo = supergroupId;
  }

  /** Throws the real service's answer when the bot may not write here. */
  synchronized void checkBotCanWrite() {
    if (!botWasMember) {
      throw ApiError.badRequest("chat not found"); // a group the bot was never in is unknown to it
    }
    if (migratedTo != null) {
      throw ApiError.migrated(migratedTo);
    }
    String kind = type == Type.SUPERGROUP ? "supergroup chat" : "group chat";
    switch (standing) {
      case KICKED ->
          throw ApiError.forbidden(
              type == Type.PRIVATE
                  ? "bot was blocked by the user"
                  : "bot was kicked from the " + kind);
      case LEFT -> throw ApiError.forbidden("bot is not a member of the " + kind);
      default -> {}
    }
  }

  synchronized ObjectNode toJson() {
    ObjectNode chat = Json.object();
    chat.put("id", id);
    if (type == Type.PRIVATE) {
      chat.put("first_name", user.firstName());
      if (user.lastName() != null) {
        chat.put("last_name", user.lastName());
      }
      if (user.username() != null) {
        chat.put("username", user.username());
      }
      chat.put("type", "private");
    } else {
      chat.put("title", title);
      if (forum) {
        chat.put("is_forum", true);
      }
      chat.put("type", type == Type.GROUP ? "group" : "supergroup");
    }
    return chat;
  }

  /** B9: a supergroup turns topics on; its chat objects say is_forum from then on. */
  synchronized void enableTopics() {
    if (type != Type.SUPERGROUP) {
      throw new IllegalStateException("only a supergroup has topics; migrate the group first");
    }
    forum = true;
  }

  synchronized boolean isForum() {
    return forum;
  }

  /** The chat's topics; callers hold the chat's monitor. */
  ForumTopics topics() {
    return topics;
  }

  /**
   * The thread a send asks for with {@code message_thread_id}, checked as the real service does;
   * null when it asks for none.
   */
  synchronized Long checkBotCanPostInto(RequestParams params) {
    if (params.string("message_thread_id") == null
        || params.string("message_thread_id").isEmpty()) {
      return null;
    }
    long thread = params.longOr("message_thread_id", 0);
    if (!forum) {
      throw ApiError.badRequest("message thread not found");
    }
    topics.checkBotCanPost(thread);
    return thread;
  }

  String title() {
    return title;
  }

  synchronized UserSpec user() {
    return user;
  }

  /** A private user's current name; later updates carry it (renames are not announced). */
  synchronized void updateUser(UserSpec current) {
    if (type == Type.PRIVATE && current.id() == id) {
      user = current;
    }
  }
}
