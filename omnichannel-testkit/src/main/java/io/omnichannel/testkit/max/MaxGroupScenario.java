package io.omnichannel.testkit.max;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * A group chat: the bot added, made admin, removed; members join, leave, write; the title changes.
 * Group updates reach the bot only while it is an admin with {@code read_all_messages} ({@code
 * bot_added}/{@code bot_removed} always do).
 */
public final class MaxGroupScenario {
  private final MaxBotScenario scenario;
  private final Chat chat;

  MaxGroupScenario(MaxBotScenario scenario, Chat chat) {
    this.scenario = scenario;
    this.chat = chat;
  }

  public long chatId() {
    return chat.chatId;
  }

  /** {@code bot_added}: {@code by} adds the bot as a plain member (and becomes a member, owner). */
  public MaxInjected addsBot(MaxUser by) {
    long now = System.currentTimeMillis();
    synchronized (scenario.bot) {
      ensureMember(by, now);
      chat.botMember = true;
      chat.botAdmin = false;
      chat.botRights = Set.of();
      chat.botJoinTime = now;
      chat.lastEventTime = now;
    }
    return scenario.queue(membership("bot_added", by, now), chat.chatId, true);
  }

  /** The bot becomes an admin with every right (read_all_messages included); no update. */
  public MaxGroupScenario makesBotAdmin() {
    return makesBotAdmin(Chat.ALL_RIGHTS);
  }

  /** The bot becomes an admin with these rights (without read_all_messages it sees nothing). */
  public MaxGroupScenario makesBotAdmin(Set<String> rights) {
    synchronized (scenario.bot) {
      if (!chat.botMember) {
        throw new IllegalStateException("add the bot first");
      }
      chat.botAdmin = true;
      chat.botRights = Set.copyOf(rights);
    }
    return this;
  }

  public MaxGroupScenario revokesBotAdmin() {
    synchronized (scenario.bot) {
      chat.botAdmin = false;
      chat.botRights = Set.of();
    }
    return this;
  }

  /** {@code bot_removed}: sends to the group then answer 404 {@code chat.not.found}. */
  public MaxInjected removesBot(MaxUser by) {
    long now = System.currentTimeMillis();
    synchronized (scenario.bot) {
      chat.botMember = false;
      chat.botAdmin = false;
      chat.botRights = Set.of();
      chat.lastEventTime = now;
    }
    return scenario.queue(membership("bot_removed", by, now), chat.chatId, true);
  }

  /** {@code user_added} with {@code inviter_id} = by (null {@code by}: joined by link). */
  public MaxInjected addsMember(MaxUser user, MaxUser by) {
    long now = System.currentTimeMillis();
    synchronized (scenario.bot) {
      if (by != null) {
        ensureMember(by, now);
      }
      chat.members.put(user.userId(), new Chat.Member(user, now, false, false));
      chat.lastEventTime = now;
    }
    ObjectNode update = membership("user_added", user, now);
    if (by != null) {
      update.put("inviter_id", by.userId());
    } else {
      update.putNull("inviter_id");
    }
    return scenario.queue(update, chat.chatId, sees());
  }

  /** {@code user_removed} with {@code admin_id} = by (null {@code by}: the user left). */
  public MaxInjected removesMember(MaxUser user, MaxUser by) {
    long now = System.currentTimeMillis();
    synchronized (scenario.bot) {
      chat.members.remove(user.userId());
      chat.lastEventTime = now;
    }
    ObjectNode update = membership("user_removed", user, now);
    if (by != null) {
      update.put("admin_id", by.userId());
    } else {
      update.putNull("admin_id");
    }
    return scenario.queue(update, chat.chatId, sees());
  }

  /** {@code chat_title_changed}. */
  public MaxInjected changesTitle(String title, MaxUser by) {
    long now = System.currentTimeMillis();
    synchronized (scenario.bot) {
      chat.title = title;
      chat.lastEventTime = now;
    }
    ObjectNode update = MaxBotScenario.update("chat_title_changed", now);
    update.put("chat_id", chat.chatId);
    update.set("user", by.json(now));
    update.put("title", title);
    return scenario.queue(update, chat.chatId, sees());
  }

  /** A member who writes (made a member silently when not one yet). */
  public MaxAuthor member(MaxUser user) {
    synchronized (scenario.bot) {
      ensureMember(user, System.currentTimeMillis());
    }
    return new MaxAuthor(scenario, chat, user);
  }

  private boolean sees() {
    synchronized (scenario.bot) {
      return chat.botSeesGroupUpdates();
    }
  }

  private void ensureMember(MaxUser user, long now) {
    if (!chat.members.containsKey(user.userId())) {
      boolean first = chat.members.isEmpty();
      chat.members.put(user.userId(), new Chat.Member(user, now, first, first));
      if (first) {
        chat.ownerId = user.userId();
      }
    }
  }

  private ObjectNode membership(String type, MaxUser user, long now) {
    ObjectNode update = MaxBotScenario.update(type, now);
    update.put("chat_id", chat.chatId);
    update.set("user", user.json(now));
    update.put("is_channel", false);
    return update;
  }
}
