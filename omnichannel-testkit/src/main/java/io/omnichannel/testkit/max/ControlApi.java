package io.omnichannel.testkit.max;

import static io.omnichannel.testkit.support.ControlRoutes.body;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.omnichannel.testkit.support.ControlRoutes;
import java.util.HashSet;
import java.util.Set;

/**
 * The emulator's own HTTP API under {@code /_emulator/max/}, for scenarios driven from outside the
 * JVM (the sandbox). Mirrors the Java API; plain JSON; a bad request is 400 {@code {"error":…}}.
 * Users are described in bodies as {@code {"first_name","last_name"?,"username"?}}; a group actor
 * as {@code "by":{"user_id","first_name",…}}. Scenario steps answer 201 {@code {"update_type",
 * "chat_id","mid","callback_id","timestamp","delivered"}}. See MAX-EMULATOR.md.
 */
final class ControlApi {
  static final String ROOT = "/_emulator/max";

  private final MaxEmulator emulator;

  ControlApi(MaxEmulator emulator) {
    this.emulator = emulator;
  }

  void register(Javalin app) {
    ControlRoutes.bots(
        app,
        ROOT,
        "name",
        (token, name, username) ->
            token == null
                ? emulator.createBot(name, username)
                : emulator.createBot(token, name, username),
        emulator::revokeToken,
        Json.CONTROL);
    ControlRoutes.sent(app, ROOT, emulator::sentFuture, emulator::sentCount, Json.CONTROL);
    String bot = ROOT + "/bots/{token}";
    app.post(bot + "/updates", guarded(ctx -> step(ctx, scenario(ctx).rawUpdate(ctx.body()))));
    app.post(
        bot + "/users/{userId}/start",
        guarded(ctx -> step(ctx, dialog(ctx).startsBot(body(ctx).path("payload").textValue()))));
    app.post(bot + "/users/{userId}/stop", guarded(ctx -> step(ctx, dialog(ctx).stopsBot())));
    app.post(
        bot + "/users/{userId}/messages",
        guarded(ctx -> step(ctx, content(dialog(ctx), body(ctx)))));
    app.post(
        bot + "/users/{userId}/edits", guarded(ctx -> step(ctx, edit(dialog(ctx), body(ctx)))));
    app.post(
        bot + "/users/{userId}/callbacks",
        guarded(ctx -> step(ctx, press(dialog(ctx), body(ctx)))));
    app.post(bot + "/groups/{chatId}/bot", guarded(this::botMembership));
    app.post(bot + "/groups/{chatId}/admin", guarded(this::admin));
    app.post(
        bot + "/groups/{chatId}/title",
        guarded(
            ctx -> {
              JsonNode body = body(ctx);
              step(ctx, group(ctx).changesTitle(body.path("title").asText(), actor(body)));
            }));
    app.post(
        bot + "/groups/{chatId}/members/{userId}",
        guarded(
            ctx -> {
              JsonNode body = body(ctx);
              step(
                  ctx, group(ctx).addsMember(user(ctx, body), body.has("by") ? actor(body) : null));
            }));
    app.delete(
        bot + "/groups/{chatId}/members/{userId}",
        guarded(
            ctx -> {
              JsonNode body = body(ctx);
              step(
                  ctx,
                  group(ctx).removesMember(user(ctx, body), body.has("by") ? actor(body) : null));
            }));
    app.post(
        bot + "/groups/{chatId}/members/{userId}/messages",
        guarded(
            ctx -> {
              JsonNode body = body(ctx);
              step(ctx, content(group(ctx).member(user(ctx, body)), body));
            }));
    app.post(
        bot + "/groups/{chatId}/members/{userId}/edits",
        guarded(
            ctx -> {
              JsonNode body = body(ctx);
              step(ctx, edit(group(ctx).member(user(ctx, body)), body));
            }));
    app.post(
        bot + "/groups/{chatId}/members/{userId}/callbacks",
        guarded(
            ctx -> {
              JsonNode body = body(ctx);
              step(ctx, press(group(ctx).member(user(ctx, body)), body));
            }));
    app.get(bot + "/messages/{mid}", guarded(this::message));
    app.get(
        bot + "/callback-answers",
        guarded(
            ctx ->
                ctx.json(
                    Json.CONTROL.valueToTree(emulator.callbackAnswers(ctx.pathParam("token"))))));
    app.get(
        bot + "/webhook-deliveries",
        guarded(
            ctx ->
                ctx.json(
                    Json.CONTROL.valueToTree(emulator.webhookDeliveries(ctx.pathParam("token"))))));
    app.get(bot + "/stats", guarded(this::stats));
    ControlRoutes.failures(
        app,
        ROOT,
        emulator.failures,
        "call",
        body ->
            MaxError.of(
                body.path("status").asInt(500),
                body.path("code").asText("internal.error"),
                body.path("message").asText("Internal server error")),
        body ->
            MaxError.of(
                body.path("status").asInt(503),
                body.path("code").asText("service.unavailable"),
                body.path("message").asText("Service unavailable")));
  }

  /** {@code {"action":"add|remove","by":{…},"title"?}}. */
  private void botMembership(Context ctx) {
    JsonNode body = body(ctx);
    MaxGroupScenario group = group(ctx);
    MaxUser by = actor(body);
    MaxInjected update =
        switch (body.path("action").asText("add")) {
          case "add" -> group.addsBot(by);
          case "remove" -> group.removesBot(by);
          default -> throw new IllegalArgumentException("action must be add or remove");
        };
    step(ctx, update);
  }

  /** {@code {"admin":true|false,"permissions"?:[…]}} (default: every right). */
  private void admin(Context ctx) {
    JsonNode body = body(ctx);
    MaxGroupScenario group = group(ctx);
    if (!body.path("admin").asBoolean(true)) {
      group.revokesBotAdmin();
    } else if (body.has("permissions")) {
      Set<String> rights = new HashSet<>();
      body.get("permissions").forEach(p -> rights.add(p.asText()));
      group.makesBotAdmin(rights);
    } else {
      group.makesBotAdmin();
    }
    ctx.json(Json.object().put("ok", true));
  }

  /**
   * {@code {"text"}}, {@code {"image":{"size"},"text"?}}, {@code {"file":{"filename","size"},
   * "text"?}} or {@code {"attachments":[…],"text"?}}.
   */
  private static MaxInjected content(MaxAuthor author, JsonNode body) {
    String text = body.path("text").textValue();
    if (body.has("image")) {
      return author.sendsImage(text, body.get("image").path("size").asLong(1024));
    }
    if (body.has("file")) {
      JsonNode file = body.get("file");
      return author.sendsFile(
          text, file.path("filename").asText("file.bin"), file.path("size").asLong(1));
    }
    if (body.has("attachments")) {
      return author.sendsAttachments(text, body.get("attachments").toString());
    }
    if (text == null) {
      throw new IllegalArgumentException("give text, image, file or attachments");
    }
    return author.sendsText(text);
  }

  /** {@code {"mid","text"}}. */
  private static MaxInjected edit(MaxAuthor author, JsonNode body) {
    return author.editsMessage(body.path("mid").asText(), body.path("text").asText());
  }

  /** {@code {"mid","payload"}}. */
  private static MaxInjected press(MaxAuthor author, JsonNode body) {
    return author.pressesButton(body.path("mid").asText(), body.path("payload").textValue());
  }

  private void message(Context ctx) {
    MaxMessageState state =
        emulator
            .message(ctx.pathParam("token"), ctx.pathParam("mid"))
            .orElseThrow(() -> new IllegalArgumentException("no such bot message"));
    ctx.json(Json.CONTROL.valueToTree(state));
  }

  private void stats(Context ctx) {
    String token = ctx.pathParam("token");
    ObjectNode stats = Json.object();
    stats.put("too_many_requests", emulator.tooManyRequestsCount(token));
    stats.put("pending_updates", emulator.pendingUpdateCount(token));
    stats.put("webhook_deliveries", emulator.webhookDeliveries(token).size());
    stats.put("subscription", emulator.subscriptionUrl(token).orElse(null));
    ArrayNode answers = stats.putArray("callback_answers");
    emulator.callbackAnswers(token).forEach(a -> answers.add(a.callbackId()));
    ctx.json(stats);
  }

  private MaxBotScenario scenario(Context ctx) {
    return emulator.bot(ctx.pathParam("token"));
  }

  private MaxDialogScenario dialog(Context ctx) {
    return scenario(ctx).dialog(user(ctx, body(ctx)));
  }

  private MaxGroupScenario group(Context ctx) {
    long chatId = Long.parseLong(ctx.pathParam("chatId"));
    return scenario(ctx).group(chatId, body(ctx).path("title").asText("Group " + chatId));
  }

  private static MaxUser user(Context ctx, JsonNode body) {
    return userFrom(Long.parseLong(ctx.pathParam("userId")), body);
  }

  private static MaxUser actor(JsonNode body) {
    JsonNode by = body.path("by");
    return userFrom(by.path("user_id").asLong(), by);
  }

  private static MaxUser userFrom(long id, JsonNode json) {
    return new MaxUser(
        id,
        json.path("first_name").asText("User"),
        json.path("last_name").textValue(),
        json.path("username").textValue());
  }

  private static void step(Context ctx, MaxInjected injected) {
    ctx.status(201).json(Json.CONTROL.valueToTree(injected));
  }

  private static Handler guarded(Handler handler) {
    return ControlRoutes.guarded(handler, MaxError.class);
  }
}
