package io.omnichannel.max;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnichannel.core.domain.Keyboard;
import io.omnichannel.core.domain.MenuButton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The core's keyboards as MAX inline keyboards (F7): an attachment {@code {"type":
 * "inline_keyboard", "payload": {"buttons": [[…]]}}} under the message. A menu's buttons are {@code
 * message} buttons: a press is the user's own message with the button's text, nothing to answer (a
 * {@code callback} button would wait for {@code POST /answers}). Within MAX's limits: at most 7
 * buttons a row (3 in a row with a link), 30 rows, 210 buttons, 1–128 characters a button; a longer
 * row wraps, what does not fit is left out, a longer text is cut.
 */
final class Keyboards {
  static final int PER_ROW = 7;
  static final int ROWS = 30;
  static final int BUTTONS = 210;
  static final int TEXT_MAX = 128;

  private Keyboards() {}

  /**
   * The keyboard attachment, or empty when the message carries none (unchanged, or removed: a MAX
   * keyboard belongs to its message, so a message without one shows none).
   */
  static Optional<JsonNode> of(Keyboard keyboard, ObjectMapper json) {
    if (keyboard instanceof Keyboard.ShowMenu menu) {
      List<List<MenuButton>> rows = wrap(menu.menu().rows());
      ObjectNode attachment = json.createObjectNode().put("type", "inline_keyboard");
      ArrayNode keyboardRows = attachment.putObject("payload").putArray("buttons");
      for (List<MenuButton> row : rows) {
        ArrayNode out = keyboardRows.addArray();
        for (MenuButton button : row) {
          out.addObject().put("type", "message").put("text", cut(button.text(), TEXT_MAX));
        }
      }
      return Optional.of(attachment);
    }
    if (keyboard instanceof Keyboard.Link link) {
      ObjectNode attachment = json.createObjectNode().put("type", "inline_keyboard");
      attachment
          .putObject("payload")
          .putArray("buttons")
          .addArray()
          .addObject()
          .put("type", "link")
          .put("text", cut(link.button().text(), TEXT_MAX))
          .put("url", link.button().url().toString());
      return Optional.of(attachment);
    }
    return Optional.empty();
  }

  /** Rows of at most {@link #PER_ROW}, at most {@link #ROWS} rows and {@link #BUTTONS} buttons. */
  static List<List<MenuButton>> wrap(List<List<MenuButton>> rows) {
    List<List<MenuButton>> wrapped = new ArrayList<>();
    int count = 0;
    for (List<MenuButton> row : rows) {
      for (int start = 0; start < row.size(); start += PER_ROW) {
        if (wrapped.size() == ROWS || count == BUTTONS) {
          return wrapped;
        }
        List<MenuButton> part =
            row.subList(start, Math.min(row.size(), start + PER_ROW)).stream()
                .limit(BUTTONS - count)
                .toList();
        wrapped.add(part);
        count += part.size();
      }
    }
    return wrapped;
  }

  static String cut(String text, int max) {
    String stripped = text.strip();
    if (stripped.codePointCount(0, stripped.length()) <= max) {
      return stripped;
    }
    return stripped.substring(0, stripped.offsetByCodePoints(0, max));
  }
}
