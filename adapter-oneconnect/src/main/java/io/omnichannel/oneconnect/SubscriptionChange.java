package io.omnichannel.oneconnect;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnichannel.core.domain.LineEvent;
import io.omnichannel.core.domain.LineId;
import io.omnichannel.core.domain.PlatformUserId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * A {@code subscription} event (oneconnect-api.md §5): a user's subscription to a line was added,
 * updated or deleted — how switching a line off for a user (a ban) reaches a line hook, and how the
 * core learns bans (F9).
 *
 * @param expiresDate absent when the subscription has no end ({@code expires_date: null})
 */
record SubscriptionChange(
    Action action,
    LineId line,
    PlatformUserId user,
    Optional<String> activateDate,
    Optional<String> expiresDate) {

  enum Action {
    ADD,
    UPDATE,
    DELETE,
    /** An action the public wiki does not list. */
    OTHER
  }

  static SubscriptionChange of(JsonNode event) {
    JsonNode subscription = event.path("subscription");
    if (!subscription.isObject()) {
      throw new IllegalArgumentException("subscription event without a subscription object");
    }
    return new SubscriptionChange(
        action(event.path("action").asText("")),
        new LineId(HookEventDecoder.requiredText(subscription, "service_id")),
        new PlatformUserId(HookEventDecoder.requiredText(subscription, "service_user_id")),
        optionalText(subscription, "activate_date"),
        optionalText(subscription, "expires_date"));
  }

  /**
   * The core's value: {@code delete} removes the line (a ban); {@code add} and {@code update} give
   * it until {@code expires_date} (an unreadable date counts as no end: the reconcile corrects it).
   * An action the wiki does not list tells nothing.
   */
  Optional<LineEvent> toCore() {
    if (action == Action.OTHER) {
      return Optional.empty();
    }
    return Optional.of(
        new LineEvent.SubscriptionChanged(
            line, user, action == Action.DELETE, expiresDate.flatMap(SubscriptionChange::instant)));
  }

  /** {@code YYYY-MM-DDTHH:MM:SSZ}, with or without zone, or a bare date (its start, UTC). */
  static Optional<Instant> instant(String wire) {
    try {
      return Optional.of(Instant.parse(wire));
    } catch (DateTimeParseException notAnInstant) {
      // try the shorter forms below
    }
    try {
      return Optional.of(LocalDateTime.parse(wire).toInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException notLocal) {
      // try a bare date
    }
    try {
      return Optional.of(LocalDate.parse(wire).atStartOfDay().toInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException unreadable) {
      return Optional.empty();
    }
  }

  private static Action action(String wire) {
    switch (wire.toLowerCase(Locale.ROOT)) {
      case "add":
        return Action.ADD;
      case "update":
        return Action.UPDATE;
      case "delete":
        return Action.DELETE;
      default:
        return Action.OTHER;
    }
  }

  private static Optional<String> optionalText(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isTextual() && !value.asText().isBlank()
        ? Optional.of(value.asText())
        : Optional.empty();
  }
}
