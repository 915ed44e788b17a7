package io.omnichannel.testkit.telegram;

import com.fasterxml.jackson.databind.JsonNode;

/** An HTTP answer of the emulator: status and parsed JSON body. */
record ApiResponse(int status, JsonNode body) {

  JsonNode result() {
    if (!body.path("ok").asBoolean()) {
      throw new AssertionError("expected ok, got " + status + " " + body);
    }
    return body.get("result");
  }

  String description() {
    return body.path("description").asText();
  }

  int errorCode() {
    return body.path("error_code").asInt();
  }
}
