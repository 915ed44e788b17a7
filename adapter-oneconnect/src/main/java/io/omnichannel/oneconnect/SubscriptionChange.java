package io.omnichannel.oneconnect;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnichannel.core.domain.LineId;
import io.omnichannel.core.domain.PlatformUserId;
import java.util.Locale;
import java.util.Optional;

/**
 * A {@code subscription} event (oneconnect-api.md §5): a user's subscription to a line was added,
 * updated or deleted — how switching a line off for a user (a ban) reaches a line hook. Decoded and
 * for now ignored; kept whole so that bans can be learnt from it.
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
