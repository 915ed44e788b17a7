package io.omnichannel.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnichannel.core.domain.Keyboard;
import io.omnichannel.core.domain.MenuButton;
import java.util.List;

/** The core's keyboards as Telegram reply_markup (F7). */
final class Markups {
  private Markups() {}

  /** null when the keyboard stays as it is. */
  static JsonNode of(Keyboard keyboard, ObjectMapper json) {
    if (keyboard instanceof Keyboard.ShowMenu) {
      ObjectNode markup = json.createObjectNode();
      ArrayNode rows = markup.putArray("keyboard");
      for (List<MenuButton> row : ((Keyboard.ShowMenu) keyboard).menu().rows()) {
        ArrayNode buttons = rows.addArray();
        row.forEach(button -> buttons.addObject().put("text", button.text()));
      }
      return markup.put("resize_keyboard", true);
    }
    if (keyboard instanceof Keyboard.Remove) {
      return json.createObjectNode().put("remove_keyboard", true);
    }
    if (keyboard instanceof Keyboard.Link) {
      Keyboard.Link link = (Keyboard.Link) keyboard;
      ObjectNode markup = json.createObjectNode();
      markup
          .putArray("inline_keyboard")
          .addArray()
          .addObject()
          .put("text", link.button().text())
          .put("url", link.button().url().toString());
      return markup;
    }
    return null;
  }
}
