package io.omnichannel.testkit.oneconnect;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An event the emulator posts to hooks (one per request). {@code data} is never null; {@code file}
 * is set for type 70 only. See {@code package-info} for the JSON shape.
 */
public record HookEvent(
    String lineId,
    String userId,
    String messageId,
    int messageType,
    String authorId,
    Instant messageTime,
    String text,
    Map<String, Object> data,
    FileRef file) {

  public static final int TEXT = 1;
  public static final int FILE = 70;
  public static final int TREATMENT_STARTED_BY_USER = 80;
  public static final int TREATMENT_STARTED_BY_SPECIALIST = 81;
  public static final int TREATMENT_CLOSED = 82;
  public static final int HANDED_TO_BOT = 200;

  public HookEvent {
    Objects.requireNonNull(lineId, "lineId");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(authorId, "authorId");
    Objects.requireNonNull(messageTime, "messageTime");
    data = data == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(data));
  }
}
