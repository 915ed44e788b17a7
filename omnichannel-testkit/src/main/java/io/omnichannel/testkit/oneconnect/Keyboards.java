package io.omnichannel.testkit.oneconnect;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Reads a push-API keyboard: rows of {@code {"id"?: str, "text": str}}; anything else is a 400. */
final class Keyboards {
  private Keyboards() {}

  static List<List<Button>> optional(JsonNode request, String field) {
    JsonNode keyboard = request.get(field);
    if (keyboard == null || keyboard.isNull()) {
      return null;
    }
    if (!keyboard.isArray()) {
      throw ApiError.badRequest("Field " + field + " must be an array of button rows");
    }
    List<List<Button>> rows = new ArrayList<>();
    for (JsonNode row : keyboard) {
      if (!row.isArray()) {
        throw ApiError.badRequest("Each row of " + field + " must be an array of buttons");
      }
      List<Button> buttons = new ArrayList<>();
      for (JsonNode button : row) {
        if (!button.isObject()) {
          throw ApiError.badRequest("A button must be an object");
        }
        buttons.add(new Button(Wire.optionalText(button, "id"), Wire.requiredText(button, "text")));
      }
      rows.add(buttons);
    }
    return rows;
  }
}
