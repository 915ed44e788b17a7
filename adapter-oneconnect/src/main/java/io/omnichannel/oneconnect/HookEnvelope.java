package io.omnichannel.oneconnect;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * The two fields every hook body carries beside the event's own (oneconnect-api.md §5): {@code
 * event_type} ({@code line}, {@code subscriber}, {@code support_line}, {@code competence}, {@code
 * subscription}, or one not yet published) and {@code event_source} ({@code line} or {@code bot}).
 * A body without {@code event_type} is read as a line event, the only kind older hooks send.
 */
record HookEnvelope(String eventType, String eventSource) {
  static final String LINE = "line";
  static final String SUBSCRIPTION = "subscription";
  static final String SUBSCRIBER = "subscriber";
  static final String SUPPORT_LINE = "support_line";
  static final String COMPETENCE = "competence";

  static HookEnvelope of(JsonNode event) {
    return new HookEnvelope(
        text(event, "event_type").orElse(LINE), text(event, "event_source").orElse(""));
  }

  boolean isLine() {
    return LINE.equals(eventType);
  }

  /**
   * The id to store a non-line event under: such events have no {@code message_id}, so a digest of
   * the body stands in; a redelivery of the same body is then a duplicate. Not so for a {@code
   * subscription} event: switching a line off and on again repeats the first {@code add} body to
   * the byte (its {@code activate_date} stays), and that repeat must lift the ban. Each one is
   * stored, made unique; handling one twice changes nothing, so a redelivery is harmless.
   */
  String storageId(String payload) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(payload.getBytes(StandardCharsets.UTF_8));
      String id = eventType + ":" + HexFormat.of().formatHex(digest);
      return SUBSCRIPTION.equals(eventType) ? id + ":" + UUID.randomUUID() : id;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /**
   * Which chat a non-line event belongs to, for per-chat order: the user it is about where it names
   * one (so a subscription change is ordered with that user's messages), else its kind.
   */
  String chatKey(JsonNode event) {
    Optional<String> user =
        switch (eventType) {
          case SUBSCRIPTION -> text(event.path("subscription"), "service_user_id");
          case SUBSCRIBER -> text(event.path("user"), "user_id");
          case COMPETENCE -> text(event.path("competence"), "specialist_id");
          default -> Optional.empty();
        };
    return user.orElse(eventType);
  }

  static Optional<String> text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isTextual() && !value.asText().isBlank()
        ? Optional.of(value.asText())
        : Optional.empty();
  }
}
