package io.omnichannel.testkit.telegram;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnichannel.testkit.support.CountedLog;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Everything the emulator keeps about one bot. Each part guards its own state. */
final class Bot {
  final BotInfo info;
  final UpdateQueue updates;
  final WebhookDispatcher webhook;
  final SendRateLimiter rateLimiter;
  private final Map<Long, ChatState> chats = new ConcurrentHashMap<>();
  private final Map<Long, CountedLog<SentMessage>> sent = new ConcurrentHashMap<>();
  private final AtomicLong sentTotal = new AtomicLong();
  private final int historyPerChat;
  private volatile boolean revoked;

  Bot(
      BotInfo info,
      UpdateQueue updates,
      WebhookDispatcher webhook,
      SendRateLimiter rateLimiter,
      int historyPerChat) {
    this.info = info;
    this.updates = updates;
    this.webhook = webhook;
    this.rateLimiter = rateLimiter;
    this.historyPerChat = historyPerChat;
  }

  boolean isRevoked() {
    return revoked;
  }

  void revoke() {
    revoked = true;
    updates.deleteWebhook(false);
    webhook.stop();
    updates.terminatePoll(ApiError.unauthorized());
  }

  ChatState chat(long chatId) {
    return chats.get(chatId);
  }

  ChatState knownChat(long chatId) {
    ChatState chat = chats.get(chatId);
    if (chat == null) {
      throw ApiError.badRequest("chat not found");
    }
    return chat;
  }

  ChatState remember(ChatState chat) {
    ChatState existing = chats.putIfAbsent(chat.id, chat);
    return existing != null ? existing : chat;
  }

  CountedLog<SentMessage> sentTo(long chatId) {
    return sent.computeIfAbsent(chatId, id -> new CountedLog<>(historyPerChat));
  }

  void recordSent(SentMessage message) {
    sentTotal.incrementAndGet();
    sentTo(message.chatId()).append(message);
  }

  long sentTotal() {
    return sentTotal.get();
  }

  ObjectNode userJson() {
    ObjectNode user = Json.object();
    user.put("id", info.id());
    user.put("is_bot", true);
    user.put("first_name", info.firstName());
    user.put("username", info.username());
    return user;
  }

  ObjectNode getMeJson() {
    ObjectNode me = userJson();
    me.put("can_join_groups", info.canJoinGroups());
    me.put("can_read_all_group_messages", info.canReadAllGroupMessages());
    me.put("supports_inline_queries", false);
    me.put("can_connect_to_business", false);
    me.put("has_main_web_app", false);
    return me;
  }
}
