package io.omnichannel.testkit.max;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A validated {@code NewMessageBody}: text ≤ 4000 characters, {@code format}, {@code notify},
 * {@code link}, and attachments resolved against the uploads — media by token (or an image by
 * {@code photos} / {@code url}) and at most one {@code inline_keyboard} within MAX's limits (≤ 210
 * buttons, ≤ 30 rows, ≤ 7 per row, ≤ 3 in a row holding a link, open_app, request_geo_location or
 * request_contact button; text 1–128; payload ≤ 1024; url ≤ 2048).
 *
 * <p>Not checked (unconfirmed on MAX): which media may share a message, image dimensions, formats.
 * Text length counts UTF-16 units.
 *
 * @param textGiven false when the body had no {@code text} (an edit then keeps the old text)
 * @param attachments the Message's wire attachments; null when the body had {@code null}/none
 */
record NewMessage(
    boolean textGiven,
    String text,
    String format,
    boolean notifies,
    ObjectNode link,
    ArrayNode attachments,
    List<List<MaxButton>> buttons,
    List<MaxSentAttachment> media,
    List<Uploads.Upload> uploads) {

  static final int MAX_TEXT = 4000;
  private static final Set<String> WIDE_BUTTONS =
      Set.of("link", "open_app", "request_geo_location", "request_contact");
  private static final Set<String> BUTTON_TYPES =
      Set.of(
          "callback",
          "link",
          "request_contact",
          "request_geo_location",
          "message",
          "open_app",
          "clipboard",
          "chat");
  private static final Set<String> PASSED_THROUGH =
      Set.of("sticker", "contact", "location", "share");

  static NewMessage parse(JsonNode body, Uploads uploads, String baseUrl) {
    if (!body.isObject()) {
      throw MaxError.badRequest("Request body must be a JSON object");
    }
    boolean textGiven = body.has("text") && !body.get("text").isNull();
    String text = textGiven ? body.get("text").asText() : null;
    if (text != null && text.length() > MAX_TEXT) {
      throw MaxError.badRequest(
          "text: size must be between 0 and " + MAX_TEXT + ", was " + text.length());
    }
    String format = body.path("format").isNull() ? null : body.path("format").textValue();
    if (format != null && !format.equals("markdown") && !format.equals("html")) {
      throw MaxError.badRequest("format must be markdown or html");
    }
    boolean notifies = !body.has("notify") || body.get("notify").asBoolean(true);
    ObjectNode link = null;
    if (body.hasNonNull("link")) {
      JsonNode given = body.get("link");
      String type = given.path("type").asText("");
      if (!type.equals("reply") && !type.equals("forward") || !given.path("mid").isTextual()) {
        throw MaxError.badRequest("link must be {type: reply|forward, mid}");
      }
      link = Json.object().put("type", type).put("mid", given.get("mid").asText());
    }
    ArrayNode attachments = null;
    List<List<MaxButton>> buttons = List.of();
    List<MaxSentAttachment> media = new ArrayList<>();
    List<Uploads.Upload> used = new ArrayList<>();
    if (body.hasNonNull("attachments")) {
      if (!body.get("attachments").isArray()) {
        throw MaxError.badRequest("attachments must be an array");
      }
      attachments = Json.array();
      for (JsonNode attachment : body.get("attachments")) {
        String type = attachment.path("type").asText("");
        JsonNode payload = attachment.path("payload");
        if (type.equals("inline_keyboard")) {
          if (!buttons.isEmpty()) {
            throw MaxError.badRequest("Only one inline_keyboard per message");
          }
          buttons = keyboard(payload);
          ObjectNode keyboard = attachments.addObject();
          keyboard.put("type", "inline_keyboard");
          keyboard.putObject("payload").set("buttons", payload.get("buttons").deepCopy());
        } else if (Uploads.TYPES.contains(type)) {
          attachments.add(media(type, payload, uploads, baseUrl, media, used));
        } else if (PASSED_THROUGH.contains(type)) {
          attachments.add(attachment.deepCopy());
        } else {
          throw MaxError.badRequest("Unknown attachment type: " + type);
        }
      }
    }
    return new NewMessage(
        textGiven, text, format, notifies, link, attachments, buttons, media, used);
  }

  boolean isEmpty() {
    return (text == null || text.isEmpty()) && (attachments == null || attachments.isEmpty());
  }

  private static ObjectNode media(
      String type,
      JsonNode payload,
      Uploads uploads,
      String baseUrl,
      List<MaxSentAttachment> media,
      List<Uploads.Upload> used) {
    ObjectNode wire = Json.object();
    wire.put("type", type);
    ObjectNode out = wire.putObject("payload");
    if (type.equals("image")
        && payload.path("url").isTextual()
        && !payload.has("token")
        && !payload.has("photos")) {
      String url = payload.get("url").asText();
      out.put("photo_id", uploads.nextPhotoId());
      out.put("token", Uploads.random(24));
      out.put("url", url);
      media.add(new MaxSentAttachment("image", null, null, -1, null, url));
      return wire;
    }
    String token = payload.path("token").textValue();
    if (token == null && type.equals("image") && payload.path("photos").isObject()) {
      for (Map.Entry<String, JsonNode> photo : payload.get("photos").properties()) {
        token = photo.getValue().path("token").textValue();
        break;
      }
    }
    Uploads.Upload upload = uploads.byToken(token);
    if (upload == null || !upload.type().equals(type)) {
      throw MaxError.badRequest("Invalid " + type + " attachment: unknown token");
    }
    used.add(upload);
    String url = baseUrl + "/files/" + upload.downloadId();
    if (type.equals("image")) {
      out.put("photo_id", uploads.nextPhotoId());
      out.put("token", upload.token());
      out.put("url", url);
    } else {
      out.put("url", url);
      out.put("token", upload.token());
      if (type.equals("file")) {
        wire.put("filename", upload.fileName());
        wire.put("size", upload.size());
      }
    }
    media.add(
        new MaxSentAttachment(
            type, upload.token(), upload.fileName(), upload.size(), upload.sha256(), null));
    return wire;
  }

  private static List<List<MaxButton>> keyboard(JsonNode payload) {
    JsonNode rows = payload.path("buttons");
    if (!rows.isArray()) {
      throw MaxError.badRequest("inline_keyboard: payload.buttons must be an array of rows");
    }
    if (rows.size() > 30) {
      throw MaxError.badRequest("inline_keyboard: at most 30 rows, was " + rows.size());
    }
    List<List<MaxButton>> keyboard = new ArrayList<>();
    int total = 0;
    for (JsonNode row : rows) {
      if (!row.isArray() || row.isEmpty()) {
        throw MaxError.badRequest("inline_keyboard: every row must be a non-empty array");
      }
      List<MaxButton> buttons = new ArrayList<>();
      boolean wide = false;
      for (JsonNode button : row) {
        buttons.add(button(button));
        wide |= WIDE_BUTTONS.contains(button.path("type").asText());
      }
      int perRow = wide ? 3 : 7;
      if (row.size() > perRow) {
        throw MaxError.badRequest(
            "inline_keyboard: at most " + perRow + " buttons in this row, was " + row.size());
      }
      total += row.size();
      keyboard.add(List.copyOf(buttons));
    }
    if (total > 210) {
      throw MaxError.badRequest("inline_keyboard: at most 210 buttons, was " + total);
    }
    return List.copyOf(keyboard);
  }

  private static MaxButton button(JsonNode button) {
    String type = button.path("type").asText("");
    if (!BUTTON_TYPES.contains(type)) {
      throw MaxError.badRequest("inline_keyboard: unknown button type " + type);
    }
    String text = button.path("text").textValue();
    if (text == null || text.isEmpty() || text.length() > 128) {
      throw MaxError.badRequest("inline_keyboard: button text must be 1-128 characters");
    }
    String payload = button.path("payload").textValue();
    String url = button.path("url").textValue();
    if ((type.equals("callback") || type.equals("clipboard"))
        && (payload == null || payload.length() > 1024)) {
      throw MaxError.badRequest("inline_keyboard: " + type + " payload must be 1-1024 characters");
    }
    if (type.equals("link") && (url == null || url.isEmpty() || url.length() > 2048)) {
      throw MaxError.badRequest("inline_keyboard: link url must be 1-2048 characters");
    }
    return new MaxButton(type, text, payload, url);
  }
}
