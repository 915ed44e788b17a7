package io.omnichannel.testkit.oneconnect;

import io.omnichannel.testkit.oneconnect.TranscriptEntry.Direction;
import io.omnichannel.testkit.oneconnect.TranscriptEntry.Kind;
import io.omnichannel.testkit.oneconnect.TranscriptEntry.Source;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes messages into the chats of lines: every message lands in the transcript; those the service
 * would announce (a specialist's or user's own message, an echo of a received message) go to the
 * hooks.
 */
final class Chats {
  /** What one message carries; unused parts are null. */
  record Content(
      Kind kind, String text, List<List<Button>> keyboard, LinkButton linkButton, FileRef file) {
    static Content text(String text) {
      return new Content(Kind.TEXT, text, null, null, null);
    }
  }

  private final OneConnectEmulatorConfig config;
  private final Directory directory;
  private final HookRegistry hooks;
  private final Journal journal;
  private final HookDispatcher dispatcher;
  private final TreatmentRegistry treatments;

  Chats(
      OneConnectEmulatorConfig config,
      Directory directory,
      HookRegistry hooks,
      Journal journal,
      HookDispatcher dispatcher,
      TreatmentRegistry treatments) {
    this.config = config;
    this.directory = directory;
    this.hooks = hooks;
    this.journal = journal;
    this.dispatcher = dispatcher;
    this.treatments = treatments;
  }

  /**
   * The gateway (bot or a specialist on whose behalf it acts) sent to a user: no event, as in
   * reality.
   */
  TranscriptEntry sentByApi(String lineId, String userId, String authorId, Content content) {
    return append(
        lineId,
        userId,
        Direction.TO_USER,
        Source.API,
        newId(),
        authorId,
        content,
        null,
        PushApiTime.now());
  }

  /**
   * The gateway delivered a user's message into the line (§4); echoed to hooks per {@link
   * EchoMode}.
   */
  TranscriptEntry receivedByApi(String lineId, String userId, Content content, String externalId) {
    Instant now = PushApiTime.now();
    TranscriptEntry entry =
        append(
            lineId,
            userId,
            Direction.TO_LINE,
            Source.API,
            newId(),
            userId,
            content,
            externalId,
            now);
    if (config.echoMode() != EchoMode.NONE) {
      publish(event(entry), config.echoMode() == EchoMode.LINE_HOOKS);
    }
    return entry;
  }

  /**
   * Someone wrote in the chat through the control API (a specialist or the user); hooks are told.
   */
  HookEvent written(
      String lineId, String userId, String authorId, Direction direction, Content content) {
    TranscriptEntry entry =
        append(
            lineId,
            userId,
            direction,
            Source.SCENARIO,
            newId(),
            authorId,
            content,
            null,
            PushApiTime.now());
    HookEvent event = event(entry);
    publish(event, false);
    return event;
  }

  /**
   * The open treatment of a chat, whose id line events carry; null outside one (the emulator does
   * not open treatments by itself).
   */
  String treatmentOf(String lineId, String userId) {
    return treatments.open().stream()
        .filter(t -> t.lineId().equals(lineId) && t.userId().equals(userId))
        .map(Treatment::id)
        .findFirst()
        .orElse(null);
  }

  /** Posts any event (e.g. treatment events) without a transcript entry. */
  void publish(HookEvent event, boolean lineHooksOnly) {
    journal.event(event);
    hooks
        .matching(event.lineId(), lineHooksOnly, directory)
        .forEach(hook -> dispatcher.deliver(hook, event));
  }

  static String newId() {
    return UUID.randomUUID().toString();
  }

  private TranscriptEntry append(
      String lineId,
      String userId,
      Direction direction,
      Source source,
      String messageId,
      String authorId,
      Content content,
      String externalId,
      Instant at) {
    TranscriptEntry entry =
        new TranscriptEntry(
            journal.nextSeq(),
            at,
            lineId,
            userId,
            direction,
            content.kind(),
            source,
            messageId,
            authorId,
            content.text(),
            content.keyboard(),
            content.linkButton(),
            content.file(),
            externalId);
    journal.transcript(entry);
    return entry;
  }

  private HookEvent event(TranscriptEntry entry) {
    Map<String, Object> data = new LinkedHashMap<>();
    if (entry.keyboard() != null) {
      data.put("keyboard", entry.keyboard());
    }
    if (entry.kind() == Kind.KEYBOARD_DROPPED) {
      data.put("drop_keyboard", true);
    }
    Map<String, Object> fields = new LinkedHashMap<>();
    int type = entry.file() != null ? HookEvent.FILE : HookEvent.TEXT;
    if (entry.kind() == Kind.BROADCAST) {
      type = HookEvent.BROADCAST;
      fields.put("partner_notification", notification(entry));
    }
    return new HookEvent(
        HookEvent.LINE,
        entry.lineId(),
        entry.userId(),
        entry.messageId(),
        type,
        entry.authorId(),
        treatmentOf(entry.lineId(), entry.userId()),
        entry.at(),
        entry.text() == null ? "" : entry.text(),
        data,
        entry.file(),
        fields);
  }

  /**
   * A broadcast's PartnerNotification: its id, a theme, its text and the button ({@code
   * description_hint}, {@code description_url}).
   */
  private static Map<String, Object> notification(TranscriptEntry entry) {
    Map<String, Object> notification = new LinkedHashMap<>();
    notification.put(
        "id",
        UUID.nameUUIDFromBytes(entry.messageId().getBytes(StandardCharsets.UTF_8)).toString());
    notification.put("theme", "");
    notification.put("text", entry.text() == null ? "" : entry.text());
    if (entry.linkButton() != null) {
      notification.put("description_hint", entry.linkButton().text());
      notification.put("description_url", entry.linkButton().url());
    }
    return notification;
  }
}
