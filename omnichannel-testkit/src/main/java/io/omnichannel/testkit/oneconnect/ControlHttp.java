package io.omnichannel.testkit.oneconnect;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;

/** Helpers of the HTTP control API: snake_case JSON in and out, errors as {@code {"error": …}}. */
final class ControlHttp {
  private static final long MAX_WAIT_MS = 60_000;

  private ControlHttp() {}

  /**
   * Maps a refused setup (unknown id, duplicate, bad field) to 400 and a conflict with the world to
   * 409.
   */
  static Handler guard(Handler handler) {
    return ctx -> {
      try {
        handler.handle(ctx);
      } catch (IllegalArgumentException | NullPointerException | ClassCastException e) {
        reply(ctx, 400, Map.of("error", String.valueOf(e.getMessage())));
      } catch (IllegalStateException e) {
        reply(ctx, 409, Map.of("error", String.valueOf(e.getMessage())));
      }
    };
  }

  static void reply(Context ctx, int status, Object body) {
    ctx.status(status);
    Wire.exactContentType(ctx, Wire.JSON_UTF8);
    ctx.result(Json.bytes(Json.CONTROL, body));
  }

  static void ok(Context ctx, Object body) {
    reply(ctx, 200, body);
  }

  static JsonNode body(Context ctx) {
    try {
      JsonNode node = Json.CONTROL.readTree(ctx.bodyAsBytes());
      if (node == null || !node.isObject()) {
        throw new IllegalArgumentException("a JSON object is expected");
      }
      return node;
    } catch (IOException e) {
      throw new IllegalArgumentException("invalid JSON: " + e.getMessage());
    }
  }

  static String text(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || !value.isTextual()) {
      throw new IllegalArgumentException("field " + field + " (string) is required");
    }
    return value.asText();
  }

  static String optionalText(JsonNode body, String field) {
    JsonNode value = body.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  static <T> T convert(JsonNode node, Class<T> type) {
    return Json.CONTROL.convertValue(node, type);
  }

  /** {@code timeout_ms} of a waiting read, capped at a minute; 0 when absent (answer at once). */
  static Duration timeout(Context ctx) {
    String value = ctx.queryParam("timeout_ms");
    long millis = value == null ? 0 : Long.parseLong(value);
    return Duration.ofMillis(Math.max(0, Math.min(millis, MAX_WAIT_MS)));
  }

  static int minCount(Context ctx) {
    String value = ctx.queryParam("min_count");
    return value == null ? 0 : Integer.parseInt(value);
  }
}
