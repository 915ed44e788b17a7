package io.omnichannel.testkit.oneconnect;

import io.omnichannel.testkit.oneconnect.TranscriptEntry.Direction;
import io.omnichannel.testkit.oneconnect.TranscriptEntry.Kind;
import io.omnichannel.testkit.oneconnect.TranscriptEntry.Source;
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

  Chats(
      OneConnectEmulatorConfig config,
      Directory directory,
      HookRegistry hooks,
      Journal journal,
      HookDispatcher dispatcher) {
    this.config = config;
    this.directory = directory;
    this.hooks = hooks;
    this.journal = journal;
    this.dispatcher = dispatcher;
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

  private static HookEvent event(TranscriptEntry entry) {
    Map<String, Object> data = new LinkedHashMap<>();
    if (entry.keyboard() != null) {
      data.put("keyboard", entry.keyboard());
    }
    if (entry.linkButton() != null) {
      data.put("broadcast", true);
      Map<String, Object> link = new LinkedHashMap<>();
      link.put("text", entry.linkButton().text());
      link.put("url", entry.linkButton().url());
      data.put("link_button", link);
    }
    if (entry.kind() == Kind.KEYBOARD_DROPPED) {
      data.put("drop_keyboard", true);
    }
    boolean isFile = entry.file() != null;
    return new HookEvent(
        entry.lineId(),
        entry.userId(),
        entry.messageId(),
        isFile ? HookEvent.FILE : HookEvent.TEXT,
        entry.authorId(),
        entry.at(),
        entry.text() == null ? "" : entry.text(),
        data,
        entry.file());
  }
}
