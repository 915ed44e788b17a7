package io.omnichannel.max;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * What the webhook and the poller read from a MAX update before it is stored. MAX gives updates no
 * id, so the key that makes a redelivery a duplicate is made of the update's own stable fields:
 *
 * <ul>
 *   <li>{@code message_created} → the message's {@code body.mid} (global);
 *   <li>{@code message_edited} → {@code mid} and the update's {@code timestamp} (an edit each);
 *   <li>any other → {@code update_type}, chat, user and {@code timestamp}.
 * </ul>
 */
final class UpdateKeys {
  /** Longest key kept: the core's event id holds 191 characters with its "max:<bot>:" prefix. */
  static final int MAX_KEY = 150;

  private static final String NONE = "-";

  private UpdateKeys() {}

  /** Empty when the JSON is not a MAX update (no {@code update_type}, no {@code timestamp}). */
  static Optional<String> sourceId(JsonNode update) {
    if (update == null
        || !update.isObject()
        || !update.path("update_type").isTextual()
        || !update.path("timestamp").isIntegralNumber()) {
      return Optional.empty();
    }
    String type = update.get("update_type").asText();
    long timestamp = update.get("timestamp").asLong();
    String mid = update.path("message").path("body").path("mid").asText("");
    String key;
    switch (type) {
      case "message_created":
        key = mid.isBlank() ? fallback(type, update, timestamp) : mid;
        break;
      case "message_edited":
        key = mid.isBlank() ? fallback(type, update, timestamp) : mid + "@" + timestamp;
        break;
      default:
        key = fallback(type, update, timestamp);
    }
    return key.isBlank() || key.length() > MAX_KEY ? Optional.empty() : Optional.of(key);
  }

  private static String fallback(String type, JsonNode update, long timestamp) {
    return type + ":" + chatKey(update) + ":" + userOf(update) + ":" + timestamp;
  }

  private static String userOf(JsonNode update) {
    for (JsonNode user :
        new JsonNode[] {
          update.path("user").path("user_id"),
          update.path("message").path("sender").path("user_id"),
          update.path("user_id")
        }) {
      if (user.isIntegralNumber()) {
        return user.asText();
      }
    }
    return NONE;
  }

  /**
   * The chat an update belongs to (for the core's per-chat order): the message's {@code
   * recipient.chat_id}, or the update's {@code chat_id}; {@code "-"} when it names none.
   */
  static String chatKey(JsonNode update) {
    for (JsonNode id :
        new JsonNode[] {
          update.path("message").path("recipient").path("chat_id"),
          update.path("chat_id"),
          update.path("chat").path("chat_id")
        }) {
      if (id.isIntegralNumber()) {
        return id.asText();
      }
    }
    return NONE;
  }
}
