package io.omnichannel.testkit.telegram;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.omnichannel.testkit.support.ControlRoutes;
import java.io.UncheckedIOException;

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
    ControlRoutes.bots(
        app,
        ROOT,
        "first_name",
        (token, name, username) ->
            token == null
                ? emulator.createBot(name, username)
                : emulator.createBot(token, name, username),
        emulator::revokeToken,
        Json.MAPPER);
    ControlRoutes.sent(app, ROOT, emulator::sentFuture, emulator::sentCount, Json.MAPPER);
    new ScenarioControlApi(emulator).register(app);
    app.get(
        ROOT + "/bots/{token}/webhook-deliveries",
        guarded(
            ctx ->
                ctx.json(
                    Json.MAPPER.valueToTree(emulator.webhookDeliveries(ctx.pathParam("token"))))));
    app.get(ROOT + "/bots/{token}/stats", guarded(this::stats));
    ControlRoutes.failures(
        app,
        ROOT,
        emulator.failures(),
        "method",
        body ->
            ApiError.of(
                body.path("status").asInt(500),
                body.path("description").asText("Internal Server Error")),
        body ->
            ApiError.of(
                body.path("status").asInt(502), body.path("description").asText("Bad Gateway")));
  }

  private void stats(Context ctx) {
    String token = ctx.pathParam("token");
    ObjectNode stats = Json.object();
    stats.put("too_many_requests", emulator.tooManyRequestsCount(token));
    stats.put("pending_update_count", emulator.pendingUpdateCount(token));
    stats.put("webhook_deliveries", emulator.webhookDeliveries(token).size());
    ctx.json(stats);
  }

  /** A raw update that is not JSON is refused too. */
  static Handler guarded(Handler handler) {
    return ControlRoutes.guarded(handler, UncheckedIOException.class);
  }
}
