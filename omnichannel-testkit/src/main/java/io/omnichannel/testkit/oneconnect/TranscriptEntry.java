package io.omnichannel.testkit.oneconnect;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One message in the chat of a line with a user, in either direction. Optional parts are null; an
 * entry of kind {@link Kind#KEYBOARD_DROPPED} carries no text.
 */
public record TranscriptEntry(
    long seq,
    Instant at,
    String lineId,
    String userId,
    Direction direction,
    Kind kind,
    Source source,
    String messageId,
    String authorId,
    String text,
    List<List<Button>> keyboard,
    LinkButton linkButton,
    FileRef file,
    String externalId) {

  /**
   * {@code TO_USER}: from the line (bot or specialist) to the user; {@code TO_LINE}: the user
   * wrote.
   */
  public enum Direction {
    TO_USER,
    TO_LINE
  }

  public enum Kind {
    TEXT,
    FILE,
    IMAGE,
    BROADCAST,
    KEYBOARD_DROPPED
  }

  /**
   * {@code API}: arrived through the push/receive REST API; {@code SCENARIO}: made by the control
   * API.
   */
  public enum Source {
    API,
    SCENARIO
  }

  public TranscriptEntry {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(lineId, "lineId");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(messageId, "messageId");
    keyboard = keyboard == null ? null : keyboard.stream().map(List::copyOf).toList();
  }
}
