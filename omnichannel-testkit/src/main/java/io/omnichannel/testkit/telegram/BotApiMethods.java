package io.omnichannel.testkit.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The emulated Bot API methods by lower-cased name (the real API matches names case-insensitively).
 */
final class BotApiMethods {
  private static final long GET_FILE_LIMIT = 20L * 1024 * 1024;

  /** One method: answers a result now, or later (long polling). */
  interface Method {
    CompletableFuture<Answer> call(Bot bot, RequestParams params);
  }

  private final Map<String, Method> methods;

  BotApiMethods(FileStore files) {
    SendMethods send = new SendMethods(files);
    UpdateMethods updates = new UpdateMethods();
    methods =
        Map.ofEntries(
            now("getMe", (bot, params) -> bot.getMeJson()),
            Map.entry(
                "getupdates",
                (bot, params) -> updates.getUpdates(bot, params).thenApply(Answer::of)),
            described("setWebhook", updates::setWebhook),
            described("deleteWebhook", updates::deleteWebhook),
            now("getWebhookInfo", updates::getWebhookInfo),
            now("sendMessage", send::sendMessage),
            now("sendPhoto", send::sendPhoto),
            now("sendDocument", send::sendDocument),
            now("sendChatAction", send::sendChatAction),
            now("leaveChat", send::leaveChat),
            now("getChat", send::getChat),
            now("getFile", (bot, params) -> getFile(files, params)),
            now(
                "answerCallbackQuery",
                (bot, params) -> Json.MAPPER.getNodeFactory().booleanNode(true)),
            now("setMyCommands", (bot, params) -> Json.MAPPER.getNodeFactory().booleanNode(true)));
  }

  Method find(String name) {
    return methods.get(name.toLowerCase(Locale.ROOT));
  }

  private interface Immediate {
    JsonNode call(Bot bot, RequestParams params);
  }

  private interface ImmediateWithDescription {
    Answer call(Bot bot, RequestParams params);
  }

  private static Map.Entry<String, Method> now(String name, Immediate method) {
    return Map.entry(
        name.toLowerCase(Locale.ROOT),
        (bot, params) -> CompletableFuture.completedFuture(Answer.of(method.call(bot, params))));
  }

  private static Map.Entry<String, Method> described(String name, ImmediateWithDescription method) {
    return Map.entry(
        name.toLowerCase(Locale.ROOT),
        (bot, params) -> CompletableFuture.completedFuture(method.call(bot, params)));
  }

  private static JsonNode getFile(FileStore files, RequestParams params) {
    StoredFile file = files.byId(params.required("file_id"));
    if (file == null) {
      throw ApiError.badRequest("invalid file_id");
    }
    ObjectNode json = Json.object();
    json.put("file_id", file.fileId);
    json.put("file_unique_id", file.fileUniqueId);
    json.put("file_size", file.size);
    if (file.size > GET_FILE_LIMIT) {
      throw ApiError.badRequest("file is too big");
    }
    json.put("file_path", file.path);
    return json;
  }
}
