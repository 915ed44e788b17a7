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
 * A stored hook event (oneconnect-api.md §5) → the core's {@link LineEvent}. Only {@code line}
 * events can be relayed: type 1 is text — the client's own ({@code author_id == user_id}) becomes a
 * {@link LineEvent.UserMessage}, a specialist's carries its digital menu ({@code data.keyboard}) or
 * the menu's removal ({@code data.drop_keyboard}); type 2 is a broadcast ({@code
 * partner_notification}, its button a link); type 70 is a file (the File object: {@code file_path},
 * {@code file_name}, {@code file_size}; the MIME type from the name). A {@code subscription} event
 * becomes a {@link LineEvent.SubscriptionChanged} (how bans are learnt, F9). Every other listed
 * type, and the {@code subscriber}, {@code support_line} and {@code competence} events, become
 * {@link LineEvent.Ignored}; an unknown event kind or message type is also counted and logged. Only
 * unreadable JSON, or a line event without its ids, throws.
 */
final class HookEventDecoder implements LineEventDecoder {
  private static final Logger LOG = LoggerFactory.getLogger(HookEventDecoder.class);

  /**
   * Stands in for the line or user of an event that names none ({@code support_line} names no user,
   * {@code subscriber} no line): {@link LineEvent.Ignored} needs both and the relay reads neither.
   */
  static final String NONE = "-";

  private final Map<String, LongAdder> unknown = new ConcurrentHashMap<>();

  @Override
  public LineEvent decode(String payload) {
    JsonNode event = parse(payload);
    HookEnvelope envelope = HookEnvelope.of(event);
    if (!envelope.isLine()) {
      return otherKind(envelope, event);
    }
    LineId line = new LineId(requiredText(event, "line_id"));
    PlatformUserId user = new PlatformUserId(requiredText(event, "user_id"));
    JsonNode type = event.get("message_type");
    if (type == null || !type.canConvertToInt()) {
      throw new IllegalArgumentException("hook event without a numeric message_type");
    }
    int messageType = type.asInt();
    switch (messageType) {
      case MessageTypes.TEXT:
        return text(event, line, user);
      case MessageTypes.BROADCAST:
        return broadcast(event, line, user);
      case MessageTypes.FILE:
        return file(event, line, user);
      default:
        break;
    }
    Optional<String> kind = MessageTypes.name(messageType);
    if (kind.isPresent()) {
      return new LineEvent.Ignored(line, user, kind.get());
    }
    count("message_type:" + messageType);
    LOG.warn(
        "ignored hook event of unknown message_type {} on line {} (message {})",
        messageType,
        LogSafe.of(line),
        LogSafe.of(event.path("message_id").asText("?")));
    return new LineEvent.Ignored(line, user, "unknown:" + messageType);
  }

  /**
   * How many events of an unknown kind were ignored since start, by {@code message_type:<code>} or
   * {@code event_type:<name>}.
   */
  Map<String, Long> ignoredEventTypes() {
    Map<String, Long> counts = new TreeMap<>();
    unknown.forEach((kind, count) -> counts.put(kind, count.sum()));
    return counts;
  }

  /** The events of §5 beside line events: acknowledged, stored, and all but one not acted on. */
  private LineEvent otherKind(HookEnvelope envelope, JsonNode event) {
    switch (envelope.eventType()) {
      case HookEnvelope.SUBSCRIPTION:
        SubscriptionChange change = SubscriptionChange.of(event);
        return change
            .toCore()
            .orElseGet(
                () ->
                    new LineEvent.Ignored(
                        change.line(),
                        change.user(),
                        "subscription-" + change.action().name().toLowerCase(Locale.ROOT)));
      case HookEnvelope.SUBSCRIBER:
        return ignored(
            NONE, HookEnvelope.text(event.path("user"), "user_id").orElse(NONE), "subscriber");
      case HookEnvelope.SUPPORT_LINE:
        return ignored(
            HookEnvelope.text(event.path("line"), "line_id").orElse(NONE), NONE, "support-line");
      case HookEnvelope.COMPETENCE:
        JsonNode competence = event.path("competence");
        return ignored(
            HookEnvelope.text(competence, "line_id").orElse(NONE),
            HookEnvelope.text(competence, "specialist_id").orElse(NONE),
            "competence");
      default:
        count("event_type:" + envelope.eventType());
        LOG.warn(
            "ignored hook event of unknown event_type {} (source {})",
            envelope.eventType(),
            envelope.eventSource());
        return ignored(NONE, NONE, "unknown:" + envelope.eventType());
    }
  }

  private static LineEvent ignored(String line, String user, String kind) {
    return new LineEvent.Ignored(new LineId(line), new PlatformUserId(user), kind);
  }

  private void count(String kind) {
    unknown.computeIfAbsent(kind, k -> new LongAdder()).increment();
  }

  private static LineEvent text(JsonNode event, LineId line, PlatformUserId user) {
    String text = event.path("text").asText("");
    Optional<PlatformUserId> author = author(event);
    if (author.isEmpty() || author.get().equals(user)) {
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
        line, user, author.get(), new MessageContent.Text(text), keyboard(data));
  }

  /**
   * A broadcast ({@code partner_notification {id, theme, text, description_hint?,
   * description_url?}}): its theme and text as one message, its button as a link button. Sent by
   * the line rather than a person, so without {@code author_id} the line stands as its author.
   */
  private static LineEvent broadcast(JsonNode event, LineId line, PlatformUserId user) {
    JsonNode notification = event.path("partner_notification");
    String theme = notification.path("theme").asText("").strip();
    String body = notification.path("text").asText(event.path("text").asText("")).strip();
    String text = theme.isEmpty() || body.startsWith(theme) ? body : theme + "\n\n" + body;
    if (text.isBlank()) {
      return new LineEvent.Ignored(line, user, "empty-broadcast");
    }
    PlatformUserId author = author(event).orElse(new PlatformUserId(line.value()));
    Keyboard keyboard = Keyboard.UNCHANGED;
    Optional<String> hint = HookEnvelope.text(notification, "description_hint");
    Optional<String> url = HookEnvelope.text(notification, "description_url");
    if (hint.isPresent() && url.isPresent()) {
      try {
        keyboard = new Keyboard.Link(new LinkButton(hint.get(), new URI(url.get())));
      } catch (URISyntaxException e) {
        LOG.warn("broadcast on line {}: button url unreadable, sent without it", line);
      }
    }
    return new LineEvent.SpecialistMessage(
        line, user, author, new MessageContent.Text(text), keyboard);
  }

  private static LineEvent file(JsonNode event, LineId line, PlatformUserId user) {
    JsonNode file = event.get("file");
    if (file == null || !file.isObject()) {
      throw new IllegalArgumentException("file event without a file object");
    }
    String name = requiredText(file, "file_name");
    JsonNode comment = file.get("comment");
    String text =
        comment != null && comment.isTextual() && !comment.asText().isBlank()
            ? comment.asText()
            : event.path("text").asText("");
    Optional<PlatformUserId> author = author(event);
    if (author.isEmpty() || author.get().equals(user)) {
      return new LineEvent.UserMessage(line, user, text.isBlank() ? name : text);
    }
    String mimeType = FileTypes.byName(name);
    FileRef ref = new FileRef(requiredText(file, "file_path"));
    JsonNode size = file.get("file_size");
    Attachment attachment =
        size != null && size.canConvertToLong() && size.asLong() >= 0
            ? Attachment.of(name, mimeType, size.asLong(), ref)
            : new Attachment(name, mimeType, OptionalLong.empty(), ref);
    Optional<String> caption = text.isBlank() ? Optional.empty() : Optional.of(text);
    MessageContent content =
        mimeType.toLowerCase(Locale.ROOT).startsWith("image/")
            ? new MessageContent.Image(attachment, caption)
            : new MessageContent.Document(attachment, caption);
    return new LineEvent.SpecialistMessage(
        line, user, author.get(), content, keyboard(event.path("data")));
  }

  /** {@code author_id}, absent on automatic events (e.g. a close for inactivity). */
  private static Optional<PlatformUserId> author(JsonNode event) {
    return HookEnvelope.text(event, "author_id").map(PlatformUserId::new);
  }

  private static Keyboard keyboard(JsonNode data) {
    JsonNode rows = data.get("keyboard");
    if (rows != null && rows.isArray() && !rows.isEmpty()) {
      return new Keyboard.ShowMenu(menu(rows));
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
