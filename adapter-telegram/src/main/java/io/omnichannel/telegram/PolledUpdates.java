package io.omnichannel.telegram;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnichannel.messenger.support.PolledBot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The updates of a getUpdates answer, each one's JSON exactly as Telegram sent it (the core stores
 * it as received), and the offset that confirms it.
 */
final class PolledUpdates {
  private PolledUpdates() {}

  /**
   * The {@code result} array of {@code {"ok":true,"result":[…]}}, each element cut out of the bytes
   * unchanged.
   */
  static PolledBot.Answer slice(byte[] body, ObjectMapper json) throws IOException {
    List<PolledBot.Update> updates = new ArrayList<>();
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
          long id = update.path("update_id").asLong();
          // the offset after an update confirms it: Telegram hands it out no more
          updates.add(
              new PolledBot.Update(
                  Optional.of(Long.toString(id)),
                  Receivers.chatKey(update),
                  payload,
                  OptionalLong.of(id + 1)));
        }
      }
    }
    return new PolledBot.Answer(updates, OptionalLong.empty());
  }
}
