package io.omnichannel.oneconnect;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnichannel.core.domain.Attachment;
import io.omnichannel.core.domain.FileRef;
import io.omnichannel.core.domain.Keyboard;
import io.omnichannel.core.domain.LineEvent;
import io.omnichannel.core.domain.LineId;
import io.omnichannel.core.domain.LinkButton;
import io.omnichannel.core.domain.LogSafe;
import io.omnichannel.core.domain.Menu;
import io.omnichannel.core.domain.MenuButton;
import io.omnichannel.core.domain.MessageContent;
import io.omnichannel.core.domain.PlatformUserId;
import io.omnichannel.core.port.out.LineEventDecoder;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stored hook event (oneconnect-api.md §2) → the core's {@link LineEvent}. Type 1 is text: the
 * client's own ({@code author_id == user_id}) becomes a {@link LineEvent.UserMessage}, a
 * specialist's carries its digital menu ({@code data.keyboard}), broadcast link button ({@code
 * data.broadcast}, {@code data.link_button}) or the menu's removal ({@code data.drop_keyboard}).
 * Type 70 is a file ({@code file {url, name, size, mime}}, assumed). Known kinds the relay has
 * nothing to do with, and unknown types, become {@link LineEvent.Ignored}; unknown types are also
 * counted and logged. Only unreadable JSON throws.
 */
final class HookEventDecoder implements LineEventDecoder {
  private static final Logger LOG = LoggerFactory.getLogger(HookEventDecoder.class);
  private static final int TEXT = 1;
  private static final int FILE = 70;
  private static final Map<Integer, String> IGNORED_KINDS =
      Map.of(
          20, "call-started-with-treatment",
          21, "call-started-without-treatment",
          80, "treatment-started-by-user",
          81, "treatment-started-by-specialist",
          82, "treatment-closed",
          90, "active-treatment-closed",
          200, "handed-to-bot");

  private final Map<Integer, LongAdder> unknownTypes = new ConcurrentHashMap<>();

  @Override
  public LineEvent decode(String payload) {
    JsonNode event = parse(payload);
    LineId line = new LineId(requiredText(event, "line_id"));
    PlatformUserId user = new PlatformUserId(requiredText(event, "user_id"));
    JsonNode type = event.get("message_type");
    if (type == null || !type.canConvertToInt()) {
      throw new IllegalArgumentException("hook event without a numeric message_type");
    }
    int messageType = type.asInt();
    if (messageType == TEXT) {
      return text(event, line, user);
    }
    if (messageType == FILE) {
      return file(event, line, user);
    }
    String kind = IGNORED_KINDS.get(messageType);
    if (kind != null) {
      return new LineEvent.Ignored(line, user, kind);
    }
    unknownTypes.computeIfAbsent(messageType, t -> new LongAdder()).increment();
    LOG.warn(
        "ignored hook event of unknown message_type {} on line {} (message {})",
        messageType,
        LogSafe.of(line),
        LogSafe.of(event.path("message_id").asText("?")));
    return new LineEvent.Ignored(line, user, "unknown:" + messageType);
  }

  /** How many events of each unknown {@code message_type} were ignored since start. */
  Map<Integer, Long> ignoredEventTypes() {
    Map<Integer, Long> counts = new TreeMap<>();
    unknownTypes.forEach((type, count) -> counts.put(type, count.sum()));
    return counts;
  }

  private static LineEvent text(JsonNode event, LineId line, PlatformUserId user) {
    String text = event.path("text").asText("");
    PlatformUserId author = new PlatformUserId(requiredText(event, "author_id"));
    if (author.equals(user)) {
      return new LineEvent.UserMessage(line, user, text);
    }
    JsonNode data = event.path("data");
    if (data.path("drop_keyboard").asBoolean(false)) {
      return new LineEvent.KeyboardDropped(line, user);
    }
    if (text.isBlank()) {
      return new LineEvent.Ignored(line, user, "empty-text");
    }
    return new LineEvent.SpecialistMessage(
        line, user, author, new MessageContent.Text(text), keyboard(data));
  }

  private static LineEvent file(JsonNode event, LineId line, PlatformUserId user) {
    PlatformUserId author = new PlatformUserId(requiredText(event, "author_id"));
    JsonNode file = event.get("file");
    if (file == null || !file.isObject()) {
      throw new IllegalArgumentException("file event without a file object");
    }
    String name = requiredText(file, "name");
    String text = event.path("text").asText("");
    if (author.equals(user)) {
      return new LineEvent.UserMessage(line, user, text.isBlank() ? name : text);
    }
    String mime = file.path("mime").asText("");
    String mimeType = mime.isBlank() ? "application/octet-stream" : mime;
    JsonNode size = file.get("size");
    Attachment attachment =
        size != null && size.canConvertToLong() && size.asLong() >= 0
            ? Attachment.of(name, mimeType, size.asLong(), new FileRef(requiredText(file, "url")))
            : new Attachment(
                name, mimeType, OptionalLong.empty(), new FileRef(requiredText(file, "url")));
    Optional<String> caption = text.isBlank() ? Optional.empty() : Optional.of(text);
    MessageContent content =
        mimeType.toLowerCase(Locale.ROOT).startsWith("image/")
            ? new MessageContent.Image(attachment, caption)
            : new MessageContent.Document(attachment, caption);
    return new LineEvent.SpecialistMessage(
        line, user, author, content, keyboard(event.path("data")));
  }

  private static Keyboard keyboard(JsonNode data) {
    JsonNode rows = data.get("keyboard");
    if (rows != null && rows.isArray() && !rows.isEmpty()) {
      return new Keyboard.ShowMenu(menu(rows));
    }
    JsonNode link = data.get("link_button");
    if (data.path("broadcast").asBoolean(false) && link != null && link.isObject()) {
      try {
        return new Keyboard.Link(
            new LinkButton(requiredText(link, "text"), new URI(requiredText(link, "url"))));
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException("link button with an invalid url", e);
      }
    }
    return Keyboard.UNCHANGED;
  }

  private static Menu menu(JsonNode rows) {
    List<List<MenuButton>> menu = new ArrayList<>();
    for (JsonNode row : rows) {
      List<MenuButton> buttons = new ArrayList<>();
      for (JsonNode button : row) {
        buttons.add(new MenuButton(requiredText(button, "text")));
      }
      if (!buttons.isEmpty()) {
        menu.add(buttons);
      }
    }
    return new Menu(menu);
  }

  private static JsonNode parse(String payload) {
    try {
      JsonNode node = Wire.JSON.readTree(payload);
      if (node == null || !node.isObject()) {
        throw new IllegalArgumentException("hook event is not a JSON object");
      }
      return node;
    } catch (IOException e) {
      throw new IllegalArgumentException("hook event is not JSON", e);
    }
  }

  static String requiredText(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw new IllegalArgumentException("hook event without " + field);
    }
    return value.asText();
  }
}
