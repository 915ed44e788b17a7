package io.omnichannel.testkit.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;

/**
 * The parameters of one Bot API call, whatever their encoding. JSON-valued parameters ({@code
 * reply_markup}, {@code allowed_updates}) are kept as JSON text, exactly as they arrive in query
 * strings, form and multipart bodies.
 */
final class RequestParams {
  private final Map<String, String> values = new HashMap<>();
  private final Map<String, UploadedFile> files = new HashMap<>();

  void put(String name, String value) {
    values.put(name, value);
  }

  void putFile(String name, UploadedFile file) {
    files.put(name, file);
  }

  String string(String name) {
    return values.get(name);
  }

  String required(String name) {
    String value = values.get(name);
    if (value == null || value.isEmpty()) {
      throw ApiError.badRequest(name + " is empty");
    }
    return value;
  }

  long requiredLong(String name) {
    String value = required(name);
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw ApiError.badRequest("invalid " + name + " specified");
    }
  }

  long longOr(String name, long fallback) {
    String value = values.get(name);
    if (value == null || value.isEmpty()) {
      return fallback;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw ApiError.badRequest("invalid " + name + " specified");
    }
  }

  boolean bool(String name) {
    String value = values.get(name);
    return value != null && (value.equalsIgnoreCase("true") || value.equals("1"));
  }

  /** A JSON-valued parameter, or null; malformed JSON is the real service's 400. */
  JsonNode json(String name) {
    String value = values.get(name);
    if (value == null || value.isEmpty()) {
      return null;
    }
    try {
      return Json.MAPPER.readTree(value);
    } catch (java.io.IOException e) {
      throw ApiError.badRequest("can't parse " + name + " JSON object");
    }
  }

  UploadedFile file(String name) {
    return files.get(name);
  }
}
