package io.omnichannel.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnichannel.core.domain.Attachment;
import io.omnichannel.core.domain.FileRef;
import io.omnichannel.core.domain.Keyboard;
import io.omnichannel.core.domain.LimitCheck.FileKind;
import io.omnichannel.core.domain.LinkButton;
import io.omnichannel.core.domain.Menu;
import io.omnichannel.core.domain.MenuButton;
import io.omnichannel.core.domain.OutboundPost;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An outbox post as compact JSON, mapped by hand so the core's records need no annotations: {@code
 * {"type":"text","text":…,"keyboard":{…}}} or {@code
 * {"type":"file","kind":"IMAGE","name":…,"mime":…,"size":…,"ref":…,"caption":…,"keyboard":{…}}}. A
 * file is only its reference (Telegram file_id or 1C-Connect URL), never its bytes.
 */
final class OutboundPostJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private OutboundPostJson() {}

  static String write(OutboundPost post) {
    ObjectNode json = MAPPER.createObjectNode();
    if (post instanceof OutboundPost.Text text) {
      json.put("type", "text").put("text", text.text());
    } else if (post instanceof OutboundPost.File file) {
      Attachment attachment = file.file();
      json.put("type", "file")
          .put("kind", file.kind().name())
          .put("name", attachment.fileName())
          .put("mime", attachment.mimeType())
          .put("ref", attachment.ref().value());
      attachment.sizeBytes().ifPresent(size -> json.put("size", size));
      file.caption().ifPresent(caption -> json.put("caption", caption));
    } else {
      throw new IllegalArgumentException("unknown post " + post.getClass().getSimpleName());
    }
    json.set("keyboard", keyboard(post.keyboard()));
    return json.toString();
  }

  static OutboundPost read(String text) {
    JsonNode json;
    try {
      json = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored outbox post is not JSON");
    }
    Keyboard keyboard = keyboard(json.get("keyboard"));
    if ("text".equals(json.path("type").asText())) {
      return new OutboundPost.Text(json.get("text").asText(), keyboard);
    }
    OptionalLong size =
        json.has("size") ? OptionalLong.of(json.get("size").asLong()) : OptionalLong.empty();
    Attachment file =
        new Attachment(
            json.get("name").asText(),
            json.get("mime").asText(),
            size,
            new FileRef(json.get("ref").asText()));
    Optional<String> caption =
        json.has("caption") ? Optional.of(json.get("caption").asText()) : Optional.empty();
    return new OutboundPost.File(
        FileKind.valueOf(json.get("kind").asText()), file, caption, keyboard);
  }

  private static ObjectNode keyboard(Keyboard keyboard) {
    ObjectNode json = MAPPER.createObjectNode();
    if (keyboard instanceof Keyboard.Unchanged) {
      json.put("type", "unchanged");
    } else if (keyboard instanceof Keyboard.Remove) {
      json.put("type", "remove");
    } else if (keyboard instanceof Keyboard.ShowMenu show) {
      ArrayNode rows = json.put("type", "menu").putArray("rows");
      for (List<MenuButton> row : show.menu().rows()) {
        ArrayNode buttons = rows.addArray();
        row.forEach(button -> buttons.add(button.text()));
      }
    } else if (keyboard instanceof Keyboard.Link link) {
      json.put("type", "link")
          .put("text", link.button().text())
          .put("url", link.button().url().toString());
    } else {
      throw new IllegalArgumentException("unknown keyboard " + keyboard.getClass().getSimpleName());
    }
    return json;
  }

  private static Keyboard keyboard(JsonNode json) {
    String type = json.path("type").asText();
    switch (type) {
      case "unchanged":
        return Keyboard.UNCHANGED;
      case "remove":
        return Keyboard.REMOVE;
      case "link":
        return new Keyboard.Link(
            new LinkButton(json.get("text").asText(), URI.create(json.get("url").asText())));
      case "menu":
        List<List<MenuButton>> rows = new ArrayList<>();
        for (JsonNode row : json.get("rows")) {
          List<MenuButton> buttons = new ArrayList<>();
          row.forEach(button -> buttons.add(new MenuButton(button.asText())));
          rows.add(buttons);
        }
        return new Keyboard.ShowMenu(new Menu(rows));
      default:
        throw new IllegalStateException("unknown stored keyboard " + type);
    }
  }
}
