package io.omnichannel.testkit.max;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** One shared mapper. MAX answers bare objects (no envelope) and errors as {code, message}. */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper();

  /** The control API writes records in snake_case, like the wire. */
  static final ObjectMapper CONTROL =
      new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

  private Json() {}

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  static ArrayNode array() {
    return MAPPER.createArrayNode();
  }

  /** Parses a request body; garbage is 400 {@code proto.payload}. */
  static JsonNode parse(String text) {
    try {
      JsonNode node = MAPPER.readTree(text);
      return node == null ? MAPPER.missingNode() : node;
    } catch (JsonProcessingException e) {
      throw MaxError.badRequest("Invalid JSON: " + e.getOriginalMessage());
    }
  }

  static String write(JsonNode node) {
    return node.toString();
  }

  static ObjectNode success() {
    return object().put("success", true);
  }
}
