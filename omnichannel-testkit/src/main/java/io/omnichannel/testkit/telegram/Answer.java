package io.omnichannel.testkit.telegram;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A successful Bot API answer; a few methods add a description, e.g. setWebhook's "Webhook was
 * set".
 */
record Answer(JsonNode result, String description) {

  static Answer of(JsonNode result) {
    return new Answer(result, null);
  }

  static Answer described(boolean result, String description) {
    return new Answer(Json.MAPPER.getNodeFactory().booleanNode(result), description);
  }
}
