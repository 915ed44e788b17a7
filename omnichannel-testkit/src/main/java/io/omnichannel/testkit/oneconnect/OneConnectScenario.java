package io.omnichannel.testkit.oneconnect;

import io.omnichannel.testkit.oneconnect.Chats.Content;
import io.omnichannel.testkit.oneconnect.TranscriptEntry.Direction;
import io.omnichannel.testkit.oneconnect.TranscriptEntry.Kind;
import java.util.List;
import java.util.Map;

/**
 * Drives what people do in 1C-Connect: a specialist writes in a line's chat (text, digital menu,
 * file, broadcast with a link button, dropping the menu), a client user writes (or presses a
 * button), a specialist writes to the channel-management line. Each act lands in the transcript and
 * is posted as an event to every matching hook; the returned event carries its {@code message_id}.
 */
public final class OneConnectScenario {
  private final Emulation emu;

  OneConnectScenario(Emulation emu) {
    this.emu = emu;
  }

  public HookEvent specialistWrites(
      String lineId, String userId, String specialistId, String text) {
    return bySpecialist(lineId, userId, specialistId, Content.text(text));
  }

  /** A digital menu: text with a keyboard of text buttons (rows). */
  public HookEvent specialistSendsMenu(
      String lineId, String userId, String specialistId, String text, List<List<Button>> keyboard) {
    return bySpecialist(
        lineId, userId, specialistId, new Content(Kind.TEXT, text, keyboard, null, null));
  }

  public HookEvent specialistDropsKeyboard(String lineId, String userId, String specialistId) {
    return bySpecialist(
        lineId, userId, specialistId, new Content(Kind.KEYBOARD_DROPPED, null, null, null, null));
  }

  /** A broadcast (рассылка) reaching this user, with a link button. */
  public HookEvent specialistBroadcasts(
      String lineId, String userId, String specialistId, String text, LinkButton linkButton) {
    return bySpecialist(
        lineId, userId, specialistId, new Content(Kind.BROADCAST, text, null, linkButton, null));
  }

  /**
   * A file (type-70 event); its bytes are served at {@code file.url} to API accounts of the line.
   */
  public HookEvent specialistSendsFile(
      String lineId,
      String userId,
      String specialistId,
      String fileName,
      String mime,
      byte[] bytes,
      String comment) {
    FileRef file = emu.files().put(lineId, fileName, mime, bytes.clone());
    Kind kind = mime.startsWith("image/") ? Kind.IMAGE : Kind.FILE;
    return bySpecialist(lineId, userId, specialistId, new Content(kind, comment, null, null, file));
  }

  /**
   * The user writes in the 1C-Connect app; a pressed menu button arrives the same way, as its text.
   */
  public HookEvent userWrites(String lineId, String userId, String text) {
    Line line = line(lineId);
    if (!emu.access().isSubscriber(line, userId)) {
      throw new IllegalStateException(userId + " may not use line " + lineId);
    }
    return emu.chats().written(lineId, userId, userId, Direction.TO_LINE, Content.text(text));
  }

  public HookEvent userPressesButton(String lineId, String userId, String buttonText) {
    return userWrites(lineId, userId, buttonText);
  }

  /**
   * A specialist writes to the channel-management line: the specialist is the chat's user and
   * author.
   */
  public HookEvent specialistWritesToManagementLine(String specialistId, String text) {
    Line management =
        emu.directory().lines().stream()
            .filter(Line::management)
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("no management line in the world"));
    return userWrites(management.id(), specialistId, text);
  }

  /**
   * A specialist hands the chat to the bot (type 200); {@code redirect} is the chosen scenario
   * point's data.
   */
  public HookEvent specialistHandsToBot(
      String lineId, String userId, String specialistId, String redirect) {
    return emit(
        lineId, userId, HookEvent.HANDED_TO_BOT, specialistId, "", Map.of("redirect", redirect));
  }

  /** Any event as it is, e.g. 200 with {@code data.redirect}, or a type the adapter must ignore. */
  public HookEvent emit(
      String lineId,
      String userId,
      int messageType,
      String authorId,
      String text,
      Map<String, Object> data) {
    line(lineId);
    HookEvent event =
        HookEvent.line(
            lineId,
            userId,
            messageType,
            authorId,
            emu.chats().treatmentOf(lineId, userId),
            text,
            data,
            null);
    emu.chats().publish(event, false);
    return event;
  }

  /**
   * The service closes a chat's treatment by itself (type 90, no activity): an event without {@code
   * author_id}, carrying the closed treatment's id when one was open.
   */
  public HookEvent closesForInactivity(String lineId, String userId) {
    line(lineId);
    String treatment =
        emu.treatments().close(lineId, userId).map(Treatment::id).orElse(Chats.newId());
    HookEvent event =
        HookEvent.line(
            lineId,
            userId,
            HookEvent.TREATMENT_CLOSED_INACTIVE,
            null,
            treatment,
            "",
            Map.of(),
            null);
    emu.chats().publish(event, false);
    return event;
  }

  /**
   * An event of any {@code event_type} with the given body fields (beside the envelope), posted to
   * the line hooks covering {@code lineId} — e.g. a {@code competence} event, or a kind the adapter
   * must ignore.
   */
  public HookEvent emitEvent(String eventType, String lineId, Map<String, Object> fields) {
    line(lineId);
    HookEvent event = HookEvent.other(eventType, lineId, fields);
    emu.chats().publish(event, true);
    return event;
  }

  private HookEvent bySpecialist(
      String lineId, String userId, String specialistId, Content content) {
    Line line = line(lineId);
    Specialist specialist =
        emu.directory()
            .specialist(specialistId)
            .orElseThrow(() -> Directory.unknown("specialist", specialistId));
    if (!line.management() && !specialist.companyId().equals(line.companyId())) {
      throw new IllegalArgumentException(
          "specialist " + specialistId + " does not work on line " + lineId);
    }
    if (!emu.access().isSubscriber(line, userId)) {
      throw new IllegalStateException(userId + " is not a subscriber of line " + lineId);
    }
    return emu.chats().written(lineId, userId, specialistId, Direction.TO_USER, content);
  }

  private Line line(String lineId) {
    return emu.directory().line(lineId).orElseThrow(() -> Directory.unknown("line", lineId));
  }
}
