package io.omnichannel.testkit.oneconnect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.UUID;

/**
 * {@code POST /v1/hook/}; {@code DELETE /v1/hook/{type}/{id}/} removes one hook ({@code bot}: the
 * line's bot hook; {@code line}: the account's line hook of that line), {@code DELETE /v1/hook/}
 * every hook of the account (oneconnect-api.md §5).
 */
final class HookEndpoints {
  private final Emulation emu;

  HookEndpoints(Emulation emu) {
    this.emu = emu;
  }

  void register(Javalin app) {
    Routes.both(app, HandlerType.POST, "/v1/hook/", this::setHook);
    Routes.both(app, HandlerType.DELETE, "/v1/hook/{type}/{line_id}/", this::deleteHook);
    Routes.both(app, HandlerType.DELETE, "/v1/hook/", this::deleteAll);
  }

  private void setHook(Context ctx) {
    ApiAccount account = emu.access().account(ctx);
    ObjectNode request = Wire.object(ctx);
    HookRegistration.Type type =
        switch (Wire.requiredText(request, "type")) {
          case "bot" -> HookRegistration.Type.BOT;
          case "line" -> HookRegistration.Type.LINE;
          default -> throw ApiError.badRequest("Field type must be bot or line");
        };
    String url = httpUrl(Wire.requiredText(request, "url"));
    String lineId = Wire.optionalText(request, "id");
    if (type == HookRegistration.Type.BOT && lineId == null) {
      throw ApiError.badRequest("Field id is required");
    }
    if (lineId != null) {
      emu.access().line(account, lineId);
    }
    if (type == HookRegistration.Type.BOT && !account.allowsBotOn(lineId)) {
      throw ApiError.withText(403, "Bot is not allowed on this line");
    }
    JsonNode scenario = request.get("bot_scenario_point");
    emu.hooks()
        .put(
            new HookRegistration(
                UUID.randomUUID().toString(),
                account.login(),
                type,
                lineId,
                url,
                backAuth(request.get("back_auth")),
                scenario == null || scenario.isNull() ? null : scenario.toString(),
                PushApiTime.now()));
    Wire.ok(ctx);
  }

  private void deleteHook(Context ctx) {
    ApiAccount account = emu.access().account(ctx);
    Line line = emu.access().line(account, ctx.pathParam("line_id"));
    switch (ctx.pathParam("type")) {
      case "bot" -> emu.hooks().removeBotHook(line.id());
      case "line" -> emu.hooks().removeLineHook(account.login(), line.id());
      default -> throw ApiError.badRequest("Hook type must be bot or line");
    }
    Wire.ok(ctx);
  }

  private void deleteAll(Context ctx) {
    emu.hooks().removeAll(emu.access().account(ctx).login());
    Wire.ok(ctx);
  }

  private static BackAuth backAuth(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isObject()) {
      throw ApiError.badRequest("Field back_auth must be an object");
    }
    return switch (Wire.requiredText(node, "type")) {
      case "basic" ->
          BackAuth.basic(Wire.requiredText(node, "login"), Wire.requiredText(node, "password"));
      case "bearer" -> BackAuth.bearer(Wire.requiredText(node, "token"));
      default -> throw ApiError.badRequest("Field back_auth.type must be basic or bearer");
    };
  }

  private static String httpUrl(String url) {
    try {
      URI uri = new URI(url);
      if (uri.getHost() != null
          && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
        return url;
      }
    } catch (URISyntaxException invalid) {
      // answered below
    }
    throw ApiError.badRequest("Field url must be an http(s) URL");
  }
}
