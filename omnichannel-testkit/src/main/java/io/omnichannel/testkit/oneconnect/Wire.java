package io.omnichannel.testkit.oneconnect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;

/** Reading JSON requests and writing answers exactly as the push API does. */
final class Wire {
  static final String JSON_UTF8 = "application/json; charset=utf-8";

  private Wire() {}

  static void json(Context ctx, Object body) {
    ctx.status(200);
    exactContentType(ctx, JSON_UTF8);
    ctx.result(Json.bytes(Json.WIRE, body));
  }

  /**
   * Sets Content-Type byte for byte: Jetty normalises {@code "; charset"} to {@code ";charset"},
   * while the real service sends the space, and a faithful emulator shows clients the real header.
   */
  static void exactContentType(Context ctx, String contentType) {
    ctx.contentType(contentType);
    if (Response.unwrap(ctx.res()) instanceof Response jetty) {
      jetty.getHttpFields().put(HttpHeader.CONTENT_TYPE, contentType);
    }
  }

  /** A command's answer: 200 with an empty body. */
  static void ok(Context ctx) {
    ctx.status(200);
    ctx.result(new byte[0]);
  }

  static void error(Context ctx, ApiError error) {
    ctx.status(error.status);
    if (error.status == 401) {
      ctx.header("WWW-Authenticate", "Basic realm=\"1C-Connect\"");
    }
    if (error.error == null) {
      ctx.result(new byte[0]);
    } else {
      exactContentType(ctx, JSON_UTF8);
      ctx.result(Json.bytes(Json.WIRE, Map.of("error", error.error)));
    }
  }

  static ObjectNode object(Context ctx) {
    return object(ctx.bodyAsBytes());
  }

  static ObjectNode object(byte[] body) {
    try {
      JsonNode node = Json.WIRE.readTree(body);
      if (node instanceof ObjectNode object) {
        return object;
      }
    } catch (IOException e) {
      throw ApiError.badRequest("Invalid JSON");
    }
    throw ApiError.badRequest("A JSON object is expected");
  }

  static String requiredText(JsonNode node, String field) {
    String value = optionalText(node, field);
    if (value == null || value.isEmpty()) {
      throw ApiError.badRequest("Field " + field + " is required");
    }
    return value;
  }

  static String optionalText(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw ApiError.badRequest("Field " + field + " must be a string");
    }
    return value.asText();
  }

  static boolean optionalBoolean(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return false;
    }
    if (!value.isBoolean()) {
      throw ApiError.badRequest("Field " + field + " must be a boolean");
    }
    return value.asBoolean();
  }

  static String requiredQuery(Context ctx, String name) {
    String value = ctx.queryParam(name);
    if (value == null || value.isEmpty()) {
      throw ApiError.badRequest("Parameter " + name + " is required");
    }
    return value;
  }
}
