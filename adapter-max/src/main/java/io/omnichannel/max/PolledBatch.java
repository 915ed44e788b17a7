package io.omnichannel.max;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnichannel.messenger.support.PolledBot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * A {@code GET /updates} answer {@code {"updates":[…], "marker": n}}: each update cut out of the
 * bytes unchanged (the core stores it as received) with its key (empty for one that is no MAX
 * update: skipped, never stored), and the marker to send next, which confirms them all.
 */
final class PolledBatch {
  private PolledBatch() {}

  static PolledBot.Answer slice(byte[] body, ObjectMapper json) throws IOException {
    List<PolledBot.Update> updates = new ArrayList<>();
    OptionalLong marker = OptionalLong.empty();
    try (JsonParser parser = json.getFactory().createParser(body)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("GET /updates answer is not a JSON object");
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if ("marker".equals(field) && value == JsonToken.VALUE_NUMBER_INT) {
          marker = OptionalLong.of(parser.getLongValue());
          continue;
        }
        if (!"updates".equals(field) || value != JsonToken.START_ARRAY) {
          parser.skipChildren();
          continue;
        }
        JsonToken element;
        while ((element = parser.nextToken()) != JsonToken.END_ARRAY && element != null) {
          if (element != JsonToken.START_OBJECT) {
            parser.skipChildren();
            continue;
          }
          int start = (int) parser.currentTokenLocation().getByteOffset();
          parser.skipChildren();
          int end = (int) parser.currentLocation().getByteOffset();
          String payload = new String(body, start, end - start, StandardCharsets.UTF_8);
          JsonNode update = json.readTree(payload);
          updates.add(
              new PolledBot.Update(
                  UpdateKeys.sourceId(update),
                  UpdateKeys.chatKey(update),
                  payload,
                  OptionalLong.empty()));
        }
      }
    }
    return new PolledBot.Answer(updates, marker);
  }
}
