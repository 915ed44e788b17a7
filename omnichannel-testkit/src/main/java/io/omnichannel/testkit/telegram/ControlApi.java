package io.omnichannel.testkit.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The emulator's own HTTP API under {@code /_emulator/telegram/}, for scenarios driven from outside
 * the JVM (the sandbox). Mirrors the Java API; answers plain JSON (no Bot API envelope).
 */
final class ControlApi {
  static final String ROOT = "/_emulator/telegram";

  private final TelegramEmulator emulator;

  ControlApi(TelegramEmulator emulator) {
    this.emulator = emulator;
  }

  void register(Javalin app) {
    app.post(ROOT + "/bots", guarded(this::createBot));
    app.post(
        ROOT + "/bots/{token}/revoke",
        guarded(
            ctx -> {
              emulator.revokeToken(ctx.pathParam("token"));
              ctx.json(Json.object().put("revoked", true));
            }));
    new ScenarioControlApi(emulator).register(app);
    app.get(ROOT + "/bots/{token}/chats/{chatId}/sent", guarded(this::sent));
    app.get(
        ROOT + "/bots/{token}/webhook-deliveries",
        guarded(
            ctx ->
                ctx.json(
                    Json.MAPPER.valueToTree(emulator.webhookDeliveries(ctx.pathParam("token"))))));
    app.get(ROOT + "/bots/{token}/stats", guarded(this::stats));
    app.post(
        ROOT + "/failures/next",
        guarded(
            ctx -> {
              JsonNode body = body(ctx);
              emulator.failNext(
                  body.path("token").asText(),
                  body.path("method").asText("*"),
                  body.path("status").asInt(500),
                  body.path("description").asText("Internal Server Error"));
              ctx.json(Json.object().put("ok", true));
            }));
    app.post(
        ROOT + "/failures/outage",
        guarded(
            ctx -> {
              JsonNode body = body(ctx);
              emulator.failAll(
                  body.path("status").asInt(502),
                  body.path("description").asText("Bad Gateway"),
                  Duration.ofMillis(body.path("duration_ms").asLong(1000)));
              ctx.json(Json.object().put("ok", true));
            }));
    app.post(
        ROOT + "/failures/delay",
        guarded(
            ctx -> {
              emulator.delayAnswers(Duration.ofMillis(body(ctx).path("delay_ms").asLong(0)));
              ctx.json(Json.object().put("ok", true));
            }));
    app.delete(
        ROOT + "/failures",
        guarded(
            ctx -> {
              emulator.clearFailures();
              ctx.json(Json.object().put("ok", true));
            }));
  }

  private void createBot(Context ctx) {
    JsonNode body = body(ctx);
    String firstName = body.path("first_name").asText("Test Bot");
    String username = body.path("username").asText("test_bot");
    BotInfo info =
        body.hasNonNull("token")
            ? emulator.createBot(body.get("token").asText(), firstName, username)
            : emulator.createBot(firstName, username);
    ctx.status(201).json(Json.MAPPER.valueToTree(info));
  }

  /** {@code ?count=N&timeout_ms=T} waits (asynchronously) until N messages were sent, else 408. */
  private void sent(Context ctx) {
    String token = ctx.pathParam("token");
    long chatId = Long.parseLong(ctx.pathParam("chatId"));
    int count = Integer.parseInt(ctx.queryParamAsClass("count", String.class).getOrDefault("0"));
    long timeoutMillis =
        Long.parseLong(ctx.queryParamAsClass("timeout_ms", String.class).getOrDefault("0"));
    CompletableFuture<List<SentMessage>> reached =
        emulator
            .sentFuture(token, chatId, count)
            .orTimeout(Math.max(1, timeoutMillis), TimeUnit.MILLISECONDS);
    ctx.future(
        () ->
            reached.handle(
                (messages, timedOut) -> {
                  if (timedOut != null) {
                    ctx.status(408)
                        .json(
                            Json.object()
                                .put(
                                    "error",
                                    "expected "
                                        + count
                                        + " messages, got "
                                        + emulator.sentCount(token, chatId)));
                  } else {
                    ctx.json(Json.MAPPER.valueToTree(messages));
                  }
                  return null;
                }));
  }

  private void stats(Context ctx) {
    String token = ctx.pathParam("token");
    ObjectNode stats = Json.object();
    stats.put("too_many_requests", emulator.tooManyRequestsCount(token));
    stats.put("pending_update_count", emulator.pendingUpdateCount(token));
    stats.put("webhook_deliveries", emulator.webhookDeliveries(token).size());
    ctx.json(stats);
  }

  static JsonNode body(Context ctx) {
    String body = ctx.body();
    return body.isBlank() ? Json.object() : Json.parse(body);
  }

  static Handler guarded(Handler handler) {
    return ctx -> {
      try {
        handler.handle(ctx);
      } catch (IllegalArgumentException
          | IllegalStateException
          | java.io.UncheckedIOException bad) {
        ctx.status(400).json(Json.object().put("error", String.valueOf(bad.getMessage())));
      }
    };
  }
}
