package io.omnichannel.testkit.max;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST|PUT|DELETE|GET /messages}, {@code GET /messages/{mid}} and {@code POST /answers}.
 *
 * <p>Send checks, in order: target ({@code user_id} or {@code chat_id}; a user without a dialog or
 * an unknown chat → 404 {@code chat.not.found}; a group the bot is not in → 404 {@code
 * chat.not.found}, as observed after removal), the body, the dialog's state (stopped bot → 403
 * {@code chat.denied} "error.dialog.suspended"), attachment readiness (400 {@code
 * attachment.not.ready}), the optional per-chat limit (429).
 */
final class MessageMethods {
  private final MaxEmulator emulator;

  MessageMethods(MaxEmulator emulator) {
    this.emulator = emulator;
  }

  void register(Javalin app, ApiEndpoints api) {
    app.post("/messages", api.api(false, this::send));
    app.put("/messages", api.api(false, this::edit));
    app.delete("/messages", api.api(false, MessageMethods::delete));
    app.get("/messages", api.api(false, MessageMethods::list));
    app.get("/messages/{mid}", api.api(false, MessageMethods::one));
    app.post("/answers", api.api(false, this::answer));
  }

  private ObjectNode send(Bot bot, Context ctx) {
    Long userId = ApiEndpoints.longParam(ctx, "user_id");
    Long chatId = ApiEndpoints.longParam(ctx, "chat_id");
    if ((userId == null) == (chatId == null)) {
      throw MaxError.badRequest("Give exactly one of user_id and chat_id");
    }
    NewMessage body = NewMessage.parse(ApiEndpoints.jsonBody(ctx), emulator.uploads, base());
    if (body.isEmpty()) {
      throw MaxError.badRequest("Message must have text or attachments");
    }
    StoredMessage message;
    Chat chat;
    synchronized (bot) {
      if (userId != null) {
        chat = bot.dialogsByUser.get(userId);
        if (chat == null) {
          throw new MaxError(404, "chat.not.found", "Dialog with user " + userId + " not found");
        }
      } else {
        chat = ApiEndpoints.visibleChat(bot, chatId);
      }
      if (chat.isDialog() && chat.botStopped) {
        throw MaxError.dialogSuspended(chat.chatId);
      }
      if (body.link() != null && bot.messages.get(body.link().get("mid").asText()) == null) {
        throw MaxError.notFound("Message " + body.link().get("mid").asText() + " not found");
      }
      checkReady(body);
      bot.rate.admitSend(chat);
      long now = System.currentTimeMillis();
      message =
          new StoredMessage(
              "mid." + Uploads.random(16),
              MaxAuthor.nextSeq(),
              chat.chatId,
              chat.type,
              bot.info.userJson(now),
              chat.isDialog() ? chat.dialogUser.userId() : null,
              now,
              true,
              body.text(),
              body.attachments() == null ? Json.array() : body.attachments());
      if (body.link() != null) {
        StoredMessage linked = bot.messages.get(body.link().get("mid").asText());
        ObjectNode link = Json.object().put("type", body.link().get("type").asText());
        link.set("sender", linked.sender.deepCopy());
        link.put("chat_id", linked.chatId);
        link.set("message", linked.json().get("body"));
        message.link = link;
      }
      message.view = view(message, body);
      bot.remember(message);
      chat.messagesCount++;
      chat.lastEventTime = now;
    }
    chat.sent.append(message.view);
    return Json.object().set("message", message.json());
  }

  private void checkReady(NewMessage body) {
    for (Uploads.Upload upload : body.uploads()) {
      if (!emulator.uploads.isReady(upload)) {
        throw MaxError.notReady();
      }
    }
  }

  private static MaxSentMessage view(StoredMessage message, NewMessage body) {
    return new MaxSentMessage(
        message.chatId,
        message.mid,
        message.text,
        body.format(),
        body.buttons(),
        List.copyOf(body.media()),
        body.notifies(),
        body.link() == null ? null : body.link().get("mid").asText(),
        Json.write(message.json()));
  }

  /** {@code PUT /messages?message_id=}: attachments null keeps them, [] removes all. */
  private ObjectNode edit(Bot bot, Context ctx) {
    String mid = requireMid(ctx);
    NewMessage body = NewMessage.parse(ApiEndpoints.jsonBody(ctx), emulator.uploads, base());
    synchronized (bot) {
      StoredMessage message = ownMessage(bot, mid);
      checkReady(body);
      apply(message, body);
    }
    return Json.success();
  }

  /** Replaces text and/or attachments; the inspection view follows. Under the bot's lock. */
  static void apply(StoredMessage message, NewMessage body) {
    MaxSentMessage old = message.view;
    if (body.textGiven()) {
      message.text = body.text();
    }
    List<List<MaxButton>> buttons = old.buttons();
    List<MaxSentAttachment> media = old.attachments();
    if (body.attachments() != null) {
      message.attachments = body.attachments();
      buttons = body.buttons();
      media = List.copyOf(body.media());
    }
    message.edits++;
    message.view =
        new MaxSentMessage(
            message.chatId,
            message.mid,
            message.text,
            body.format() != null ? body.format() : old.format(),
            buttons,
            media,
            old.notifies(),
            old.replyTo(),
            Json.write(message.json()));
  }

  private static ObjectNode delete(Bot bot, Context ctx) {
    String mid = requireMid(ctx);
    synchronized (bot) {
      StoredMessage message = bot.messages.get(mid);
      if (message == null || message.deleted) {
        throw MaxError.notFound("Message " + mid + " not found");
      }
      if (!message.fromBot) {
        Chat chat = bot.chats.get(message.chatId);
        boolean mayDelete =
            chat != null && !chat.isDialog() && chat.botAdmin && chat.botRights.contains("delete");
        if (!mayDelete) {
          throw MaxError.denied("Bot has no right to delete message " + mid);
        }
      }
      message.deleted = true;
    }
    return Json.success();
  }

  private static ObjectNode one(Bot bot, Context ctx) {
    String mid = ctx.pathParam("mid");
    synchronized (bot) {
      StoredMessage message = bot.messages.get(mid);
      if (message == null || message.deleted) {
        throw MaxError.notFound("Message " + mid + " not found");
      }
      return message.json();
    }
  }

  /** {@code ?chat_id=} newest first ({@code count} 1–100, default 50) or {@code ?message_ids=}. */
  private static ObjectNode list(Bot bot, Context ctx) {
    Long chatId = ApiEndpoints.longParam(ctx, "chat_id");
    String ids = ctx.queryParam("message_ids");
    int count = ApiEndpoints.intParam(ctx, "count", 50, 1, 100);
    if (chatId == null && (ids == null || ids.isBlank())) {
      throw MaxError.badRequest("Give chat_id or message_ids");
    }
    ObjectNode answer = Json.object();
    ArrayNode messages = answer.putArray("messages");
    synchronized (bot) {
      if (chatId != null) {
        Chat chat = ApiEndpoints.visibleChat(bot, chatId);
        if (chat.isDialog() && chat.botStopped) {
          throw MaxError.dialogSuspended(chatId);
        }
        List<StoredMessage> inChat = new ArrayList<>();
        bot.messages.values().stream()
            .filter(m -> m.chatId == chatId && !m.deleted)
            .forEach(inChat::add);
        for (int i = inChat.size() - 1; i >= 0 && messages.size() < count; i--) {
          messages.add(inChat.get(i).json());
        }
      } else {
        for (String id : ids.split(",")) {
          StoredMessage message = bot.messages.get(id.trim());
          if (message != null && !message.deleted) {
            messages.add(message.json());
          }
        }
      }
    }
    return answer;
  }

  /** {@code POST /answers?callback_id=}: {@code message} replaces the keyboard message. */
  private ObjectNode answer(Bot bot, Context ctx) {
    String callbackId = ctx.queryParam("callback_id");
    if (callbackId == null || callbackId.isBlank()) {
      throw MaxError.badRequest("callback_id is required");
    }
    JsonNode body = ApiEndpoints.jsonBody(ctx);
    JsonNode replacement = body.get("message");
    String notification = body.path("notification").textValue();
    if ((replacement == null || replacement.isNull()) && notification == null) {
      throw MaxError.badRequest("Give message or notification");
    }
    NewMessage parsed =
        replacement == null || replacement.isNull()
            ? null
            : NewMessage.parse(replacement, emulator.uploads, base());
    synchronized (bot) {
      Bot.Callback callback = bot.callbacks.get(callbackId);
      if (callback == null) {
        throw MaxError.notFound("Callback " + callbackId + " not found");
      }
      if (parsed != null) {
        StoredMessage message = bot.messages.get(callback.mid());
        if (message != null && !message.deleted) {
          checkReady(parsed);
          apply(message, parsed);
        }
      }
    }
    bot.answers.append(
        new MaxCallbackAnswer(
            callbackId,
            notification,
            replacement == null || replacement.isNull() ? null : Json.write(replacement)));
    return Json.success();
  }

  private static String requireMid(Context ctx) {
    String mid = ctx.queryParam("message_id");
    if (mid == null || mid.isBlank()) {
      throw MaxError.badRequest("message_id is required");
    }
    return mid;
  }

  private static StoredMessage ownMessage(Bot bot, String mid) {
    StoredMessage message = bot.messages.get(mid);
    if (message == null || message.deleted) {
      throw MaxError.notFound("Message " + mid + " not found");
    }
    if (!message.fromBot) {
      throw MaxError.denied("Bot can edit only its own messages");
    }
    return message;
  }

  private String base() {
    return emulator.baseUrl();
  }
}
