package io.omnichannel.testkit.telegram;

import static io.omnichannel.testkit.support.ControlRoutes.body;
import static io.omnichannel.testkit.telegram.ControlApi.ROOT;
import static io.omnichannel.testkit.telegram.ControlApi.guarded;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.http.Context;

/**
 * The scenario builders over HTTP: users and group members write, block the bot, groups add, remove
 * and migrate. Users are described in the body: {@code {"first_name":"Ivan","last_name":…,
 * "username":…}}; a group action names its actor as {@code "by":{"id":…,"first_name":…}}.
 */
final class ScenarioControlApi {
  private final TelegramEmulator emulator;

  ScenarioControlApi(TelegramEmulator emulator) {
    this.emulator = emulator;
  }

  void register(Javalin app) {
    String bot = ROOT + "/bots/{token}";
    app.post(
        bot + "/updates",
        guarded(ctx -> answer(ctx, emulator.bot(ctx.pathParam("token")).rawUpdate(ctx.body()))));
    app.post(
        bot + "/users/{userId}/messages",
        guarded(ctx -> answer(ctx, content(user(ctx), body(ctx)))));
    app.post(bot + "/users/{userId}/block", guarded(ctx -> answer(ctx, user(ctx).blocksBot())));
    app.post(bot + "/users/{userId}/unblock", guarded(ctx -> answer(ctx, user(ctx).unblocksBot())));
    app.post(bot + "/groups/{chatId}/bot", guarded(this::membership));
    app.post(
        bot + "/groups/{chatId}/members/{userId}/messages",
        guarded(
            ctx -> {
              JsonNode body = body(ctx);
              answer(
                  ctx,
                  content(
                      group(ctx).member(userFrom(Long.parseLong(ctx.pathParam("userId")), body)),
                      body));
            }));
    app.post(
        bot + "/groups/{chatId}/migrate",
        guarded(
            ctx -> {
              GroupScenario supergroup = group(ctx).migrateToSupergroup(actor(body(ctx)));
              ctx.status(201).json(Json.object().put("supergroup_id", supergroup.chatId()));
            }));
  }

  /** {@code {"status":"administrator|member|left|kicked","by":{…},"title":…}}. */
  private void membership(Context ctx) {
    JsonNode body = body(ctx);
    GroupScenario group = group(ctx);
    UserSpec by = actor(body);
    InjectedUpdate update =
        switch (body.path("status").asText("member")) {
          case "administrator" -> group.addsBotAsAdministrator(by);
          case "member" -> group.addsBotAsMember(by);
          case "left" -> group.removesBot(by);
          case "kicked" -> group.kicksBot(by);
          default ->
              throw new IllegalArgumentException(
                  "status must be administrator, member, left or kicked");
        };
    answer(ctx, update);
  }

  /**
   * {@code {"text":…}}, {@code {"photo_size":…,"caption":…}} or {@code
   * {"document":{"file_name","mime_type","size"}}}.
   */
  private static InjectedUpdate content(MessageScenario author, JsonNode body) {
    if (body.has("photo_size")) {
      return author.sendsPhoto(body.path("caption").textValue(), body.get("photo_size").asLong());
    }
    if (body.has("document")) {
      JsonNode document = body.get("document");
      return author.sendsDocument(
          document.path("file_name").asText("file.bin"),
          document.path("mime_type").asText("application/octet-stream"),
          document.path("size").asLong(1));
    }
    if (!body.path("text").isTextual()) {
      throw new IllegalArgumentException("give text, photo_size or document");
    }
    return author.sendsText(body.get("text").asText());
  }

  private PrivateChatScenario user(Context ctx) {
    return emulator
        .bot(ctx.pathParam("token"))
        .user(userFrom(Long.parseLong(ctx.pathParam("userId")), body(ctx)));
  }

  private GroupScenario group(Context ctx) {
    long chatId = Long.parseLong(ctx.pathParam("chatId"));
    return emulator
        .bot(ctx.pathParam("token"))
        .group(GroupSpec.of(chatId, body(ctx).path("title").asText("Group " + chatId)));
  }

  private static UserSpec actor(JsonNode body) {
    JsonNode by = body.path("by");
    return userFrom(by.path("id").asLong(), by);
  }

  private static UserSpec userFrom(long id, JsonNode json) {
    return new UserSpec(
        id,
        json.path("first_name").asText("User"),
        json.path("last_name").textValue(),
        json.path("username").textValue(),
        json.path("language_code").asText("ru"));
  }

  private static void answer(Context ctx, InjectedUpdate update) {
    ctx.status(201)
        .json(
            Json.object()
                .put("update_id", update.updateId())
                .put("chat_id", update.chatId())
                .put("message_id", update.messageId()));
  }
}
