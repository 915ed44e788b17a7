package io.omnichannel.telegram;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One update of a getUpdates answer, its JSON exactly as Telegram sent it (the core stores it as
 * received).
 */
record PolledUpdate(long updateId, String chatKey, String payload) {

  /**
   * The {@code result} array of {@code {"ok":true,"result":[…]}}, each element cut out of the bytes
   * unchanged.
   */
  static List<PolledUpdate> slice(byte[] body, ObjectMapper json) throws IOException {
    List<PolledUpdate> updates = new ArrayList<>();
    try (JsonParser parser = json.getFactory().createParser(body)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("getUpdates answer is not a JSON object");
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if (!"result".equals(field) || value != JsonToken.START_ARRAY) {
          parser.skipChildren();
          continue;
        }
        while (parser.nextToken() == JsonToken.START_OBJECT) {
          int start = (int) parser.currentTokenLocation().getByteOffset();
          parser.skipChildren();
          int end = (int) parser.currentLocation().getByteOffset();
          String payload = new String(body, start, end - start, StandardCharsets.UTF_8);
          JsonNode update = json.readTree(payload);
          updates.add(
              new PolledUpdate(
                  update.path("update_id").asLong(), Receivers.chatKey(update), payload));
        }
      }
    }
    return updates;
  }
}
