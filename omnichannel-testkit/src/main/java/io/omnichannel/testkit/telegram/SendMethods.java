package io.omnichannel.testkit.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** sendMessage, sendPhoto, sendDocument, sendChatAction, leaveChat, getChat. */
final class SendMethods {
  private static final int TEXT_LIMIT = 4096;
  private static final int CAPTION_LIMIT = 1024;
  private static final Set<String> CHAT_ACTIONS =
      Set.of(
          "typing",
          "upload_photo",
          "record_video",
          "upload_video",
          "record_voice",
          "upload_voice",
          "upload_document",
          "choose_sticker",
          "find_location",
          "record_video_note",
          "upload_video_note");

  private final OutgoingFiles outgoing;
  private final FileStore files;

  SendMethods(FileStore files) {
    this.files = files;
    this.outgoing = new OutgoingFiles(files);
  }

  JsonNode sendMessage(Bot bot, RequestParams params) {
    ChatState chat = writableChat(bot, params);
    Long thread = chat.checkBotCanPostInto(params);
    String text = params.string("text");
    String parseMode = params.string("parse_mode");
    String visible = MessageText.visible(text, parseMode);
    if (visible.isEmpty()) {
      throw ApiError.badRequest("message text is empty");
    }
    if (visible.length() > TEXT_LIMIT) {
      throw ApiError.badRequest("message is too long");
    }
    JsonNode markup = ReplyMarkup.validate(params.json("reply_markup"));
    bot.rateLimiter.acquire(chat.id, chat.isGroup());
    return publish(
        bot,
        chat,
        "sendMessage",
        text,
        parseMode,
        markup,
        null,
        inThread(
            thread,
            message -> {
              message.put("text", visible);
              TextEntities.put(message, "entities", visible);
            }));
  }

  JsonNode sendPhoto(Bot bot, RequestParams params) {
    ChatState chat = writableChat(bot, params);
    Long thread = chat.checkBotCanPostInto(params);
    String caption = checkedCaption(params);
    JsonNode markup = ReplyMarkup.validate(params.json("reply_markup"));
    Supplier<StoredFile> accepted =
        outgoing.resolve(params, "photo", OutgoingFiles.PHOTO_UPLOAD_LIMIT, "photos");
    bot.rateLimiter.acquire(chat.id, chat.isGroup());
    StoredFile photo = accepted.get();
    int[] size = OutgoingFiles.dimensions(photo);
    StoredFile thumbnail =
        files.declare("photos", "jpg", null, "image/jpeg", Math.max(1, photo.size / 40));
    return publish(
        bot,
        chat,
        "sendPhoto",
        params.string("caption"),
        params.string("parse_mode"),
        markup,
        photo,
        inThread(
            thread,
            message -> {
              ArrayNode sizes = message.putArray("photo");
              sizes.add(
                  PhotoSizes.json(thumbnail, 90, Math.max(1, 90 * size[1] / Math.max(1, size[0]))));
              sizes.add(PhotoSizes.json(photo, size[0], size[1]));
              putCaption(message, caption);
            }));
  }

  JsonNode sendDocument(Bot bot, RequestParams params) {
    ChatState chat = writableChat(bot, params);
    Long thread = chat.checkBotCanPostInto(params);
    String caption = checkedCaption(params);
    JsonNode markup = ReplyMarkup.validate(params.json("reply_markup"));
    Supplier<StoredFile> accepted =
        outgoing.resolve(params, "document", OutgoingFiles.DOCUMENT_UPLOAD_LIMIT, "documents");
    bot.rateLimiter.acquire(chat.id, chat.isGroup());
    StoredFile document = accepted.get();
    return publish(
        bot,
        chat,
        "sendDocument",
        params.string("caption"),
        params.string("parse_mode"),
        markup,
        document,
        inThread(
            thread,
            message -> {
              ObjectNode json = message.putObject("document");
              if (document.fileName != null) {
                json.put("file_name", document.fileName);
              }
              json.put("mime_type", document.mimeType);
              json.put("file_id", document.fileId);
              json.put("file_unique_id", document.fileUniqueId);
              json.put("file_size", document.size);
              putCaption(message, caption);
            }));
  }

  JsonNode sendChatAction(Bot bot, RequestParams params) {
    writableChat(bot, params);
    String action = params.required("action");
    if (!CHAT_ACTIONS.contains(action)) {
      throw ApiError.badRequest("wrong parameter action in request");
    }
    return Json.MAPPER.getNodeFactory().booleanNode(true);
  }

  JsonNode leaveChat(Bot bot, RequestParams params) {
    ChatState chat = bot.knownChat(chatId(params));
    if (!chat.isGroup()) {
      throw ApiError.badRequest("chat member status can't be changed in private chats");
    }
    chat.checkBotCanWrite();
    chat.setStanding(ChatState.Standing.LEFT);
    return Json.MAPPER.getNodeFactory().booleanNode(true);
  }

  JsonNode getChat(Bot bot, RequestParams params) {
    return bot.knownChat(chatId(params)).toJson();
  }

  private static ChatState writableChat(Bot bot, RequestParams params) {
    ChatState chat = bot.knownChat(chatId(params));
    chat.checkBotCanWrite();
    return chat;
  }

  static long chatId(RequestParams params) {
    String raw = params.required("chat_id");
    try {
      return Long.parseLong(raw.trim());
    } catch (NumberFormatException notNumeric) {
      // "@channelusername" addresses channels, which the emulator does not have
      throw ApiError.badRequest("chat not found");
    }
  }

  private static String checkedCaption(RequestParams params) {
    String caption = params.string("caption");
    if (caption == null) {
      return null;
    }
    String visible = MessageText.visible(caption, params.string("parse_mode"));
    if (visible.length() > CAPTION_LIMIT) {
      throw ApiError.badRequest("message caption is too long");
    }
    return visible;
  }

  /** B9: a message sent into a forum topic says so, as the real service's answer does. */
  private static Consumer<ObjectNode> inThread(Long thread, Consumer<ObjectNode> content) {
    if (thread == null) {
      return content;
    }
    return message -> {
      message.put("message_thread_id", thread);
      message.put("is_topic_message", true);
      content.accept(message);
    };
  }

  private static void putCaption(ObjectNode message, String caption) {
    if (caption != null && !caption.isEmpty()) {
      message.put("caption", caption);
      TextEntities.put(message, "caption_entities", caption);
    }
  }

  /**
   * Numbers, builds and records one message; under the chat's lock so ids and history agree in
   * order.
   */
  private static JsonNode publish(
      Bot bot,
      ChatState chat,
      String method,
      String text,
      String parseMode,
      JsonNode markup,
      StoredFile file,
      Consumer<ObjectNode> content) {
    synchronized (chat) {
      ObjectNode message = Json.object();
      message.put("message_id", chat.nextMessageId());
      message.set("from", bot.userJson());
      message.set("chat", chat.toJson());
      message.put("date", Instant.now().getEpochSecond());
      content.accept(message);
      if (ReplyMarkup.echoedInMessage(markup)) {
        message.set("reply_markup", markup);
      }
      bot.recordSent(
          new SentMessage(
              chat.id,
              message.get("message_id").asLong(),
              method,
              text,
              parseMode,
              markup == null ? null : markup.toString(),
              file == null ? null : file.toSentFile(),
              message.toString()));
      return message;
    }
  }
}
