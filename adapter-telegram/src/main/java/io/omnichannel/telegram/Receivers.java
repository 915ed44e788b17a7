package io.omnichannel.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/** What the webhook and the poller share about reading an update before it is stored. */
final class Receivers {
  /** The update kinds the gateway uses; Telegram does not even send the others. */
  static final List<String> ALLOWED_UPDATES =
      List.of("message", "edited_message", "my_chat_member");

  private static final List<String> CHAT_HOLDERS =
      List.of(
          "message",
          "edited_message",
          "channel_post",
          "edited_channel_post",
          "my_chat_member",
          "chat_member",
          "chat_join_request");

  private static final String NONE = "-";

  private Receivers() {}

  /** The update's {@code update_id}; empty when the JSON (maybe null) is no Telegram update. */
  static Optional<String> sourceId(JsonNode update) {
    return update != null && update.isObject() && update.path("update_id").isIntegralNumber()
        ? Optional.of(update.get("update_id").asText())
        : Optional.empty();
  }

  /**
   * The chat an update belongs to (for the core's per-chat order); {@code "-"} when it has none
   * that reads as an id (missing, blank, an object).
   */
  static String chatKey(JsonNode update) {
    for (String holder : CHAT_HOLDERS) {
      JsonNode id = update.path(holder).path("chat").path("id");
      if (id.isIntegralNumber() || id.isTextual()) {
        return orNone(id.asText());
      }
    }
    JsonNode callbackChat = update.path("callback_query").path("message").path("chat").path("id");
    if (!callbackChat.isMissingNode()) {
      return orNone(callbackChat.asText());
    }
    return NONE;
  }

  private static String orNone(String key) {
    return key.isBlank() ? NONE : key;
  }
}
