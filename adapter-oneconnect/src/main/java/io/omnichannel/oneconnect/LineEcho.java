package io.omnichannel.oneconnect;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A line event that only echoes the chat's own user: a text (1) or file (70) whose {@code
 * author_id} is present and equals {@code user_id} (oneconnect-api.md §2 and §5: the client's own
 * messages carry their own id there, a specialist's message the specialist's). Every message the
 * gateway delivers into a line comes back so; the relay to the channel never sends one back (only a
 * specialist's message, a broadcast or a dropped menu goes out), so a connection's hook need not
 * store it. Anything else — no {@code author_id}, another author, another type, a non-line event —
 * is not an echo.
 */
final class LineEcho {
  private LineEcho() {}

  static boolean is(JsonNode lineEvent, String userId) {
    JsonNode type = lineEvent.get("message_type");
    if (type == null || !type.isIntegralNumber() || !type.canConvertToInt()) {
      return false;
    }
    int code = type.asInt();
    return (code == MessageTypes.TEXT || code == MessageTypes.FILE)
        && HookEnvelope.text(lineEvent, "author_id").filter(userId::equals).isPresent();
  }
}
