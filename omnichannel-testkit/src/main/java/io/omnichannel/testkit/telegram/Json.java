package io.omnichannel.testkit.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;

/** One shared mapper and the Bot API answer envelopes. */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  static ArrayNode array() {
    return MAPPER.createArrayNode();
  }

  static JsonNode parse(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String write(JsonNode node) {
    return node.toString();
  }

  static ObjectNode ok(JsonNode result) {
    ObjectNode envelope = object();
    envelope.put("ok", true);
    envelope.set("result", result);
    return envelope;
  }

  static ObjectNode error(ApiError error) {
    ObjectNode envelope = object();
    envelope.put("ok", false);
    envelope.put("error_code", error.code);
    envelope.put("description", error.description());
    if (error.retryAfter != null || error.migrateToChatId != null) {
      ObjectNode parameters = envelope.putObject("parameters");
      if (error.retryAfter != null) {
        parameters.put("retry_after", error.retryAfter);
      }
      if (error.migrateToChatId != null) {
        parameters.put("migrate_to_chat_id", error.migrateToChatId);
      }
    }
    return envelope;
  }
}
