package io.omnichannel.testkit.telegram;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks reply_markup the way the real service rejects it; only inline keyboards echo in the
 * Message.
 */
final class ReplyMarkup {
  private ReplyMarkup() {}

  static JsonNode validate(JsonNode markup) {
    if (markup == null) {
      return null;
    }
    if (!markup.isObject()) {
      throw ApiError.badRequest("can't parse reply keyboard markup JSON object");
    }
    if (markup.has("inline_keyboard")) {
      checkRows(markup.get("inline_keyboard"), true);
    } else if (markup.has("keyboard")) {
      checkRows(markup.get("keyboard"), false);
    } else if (!markup.path("remove_keyboard").asBoolean(false)
        && !markup.path("force_reply").asBoolean(false)) {
      throw ApiError.badRequest("can't parse reply keyboard markup JSON object");
    }
    return markup;
  }

  static boolean echoedInMessage(JsonNode markup) {
    return markup != null && markup.has("inline_keyboard");
  }

  private static void checkRows(JsonNode rows, boolean inline) {
    if (!rows.isArray()) {
      throw ApiError.badRequest(
          "field \"" + (inline ? "inline_keyboard" : "keyboard") + "\" must be an Array");
    }
    for (JsonNode row : rows) {
      if (!row.isArray()) {
        throw ApiError.badRequest("can't parse reply keyboard markup JSON object");
      }
      for (JsonNode button : row) {
        checkButton(button, inline);
      }
    }
  }

  private static void checkButton(JsonNode button, boolean inline) {
    if (!inline && button.isTextual()) {
      return;
    }
    if (!button.path("text").isTextual()) {
      throw ApiError.badRequest(
          "can't parse "
              + (inline ? "inline keyboard" : "keyboard")
              + " button: Field \"text\" must be of type String");
    }
    if (inline
        && !(button.has("url")
            || button.has("callback_data")
            || button.has("web_app")
            || button.has("switch_inline_query")
            || button.has("login_url")
            || button.has("pay")
            || button.has("copy_text")
            || button.has("switch_inline_query_current_chat"))) {
      throw ApiError.badRequest(
          "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
    }
  }
}
