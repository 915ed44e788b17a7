package io.omnichannel.testkit.oneconnect;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An event the emulator posts to hooks (one per request; oneconnect-api.md §5). {@code eventType}
 * is {@code line} for a message or treatment event, else {@code subscription}, {@code subscriber},
 * {@code support_line} or {@code competence}. A line event has its line fields; {@code authorId} is
 * null on an automatic event (a close for inactivity), {@code treatmentId} null outside a
 * treatment, {@code file} set for type 70 only. {@code fields} are the event's own fields beside
 * those: {@code partner_notification} on a broadcast, the whole body of any other kind (whose
 * {@code lineId} then only says which hooks hear it, and whose {@code messageId} is the emulator's
 * own id for the journal, not posted). {@code data} and {@code fields} are never null. See {@code
 * package-info} for the JSON shape.
 */
public record HookEvent(
    String eventType,
    String lineId,
    String userId,
    String messageId,
    int messageType,
    String authorId,
    String treatmentId,
    Instant messageTime,
    String text,
    Map<String, Object> data,
    FileRef file,
    Map<String, Object> fields) {

  public static final String LINE = "line";
  public static final String SUBSCRIPTION = "subscription";
  public static final String SUBSCRIBER = "subscriber";
  public static final String SUPPORT_LINE = "support_line";
  public static final String COMPETENCE = "competence";

  public static final int TEXT = 1;
  public static final int BROADCAST = 2;
  public static final int FILE = 70;
  public static final int TREATMENT_STARTED_BY_USER = 80;
  public static final int TREATMENT_STARTED_BY_SPECIALIST = 81;
  public static final int TREATMENT_CLOSED = 82;
  public static final int TREATMENT_CLOSED_INACTIVE = 90;
  public static final int HANDED_TO_BOT = 200;

  public HookEvent {
    Objects.requireNonNull(eventType, "eventType");
    Objects.requireNonNull(lineId, "lineId");
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(messageTime, "messageTime");
    if (LINE.equals(eventType)) {
      Objects.requireNonNull(userId, "userId");
    }
    data = data == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(data));
    fields = fields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  /** A line event without extra fields. */
  static HookEvent line(
      String lineId,
      String userId,
      int messageType,
      String authorId,
      String treatmentId,
      String text,
      Map<String, Object> data,
      FileRef file) {
    return new HookEvent(
        LINE,
        lineId,
        userId,
        Chats.newId(),
        messageType,
        authorId,
        treatmentId,
        PushApiTime.now(),
        text,
        data,
        file,
        Map.of());
  }

  /** An event of another kind: its body is {@code fields} (beside the envelope). */
  static HookEvent other(String eventType, String lineId, Map<String, Object> fields) {
    return new HookEvent(
        eventType,
        lineId,
        null,
        Chats.newId(),
        0,
        null,
        null,
        PushApiTime.now(),
        null,
        Map.of(),
        null,
        fields);
  }

  public boolean isLineEvent() {
    return LINE.equals(eventType);
  }
}
