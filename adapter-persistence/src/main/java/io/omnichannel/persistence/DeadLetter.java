package io.omnichannel.persistence;

import java.util.Objects;
import java.util.Optional;

/**
 * A queue row parked as dead, for the admin side.
 *
 * @param queue {@code inbox} or {@code outbox}
 * @param orderingKey the chat (or source) whose order it belonged to
 * @param reason why it was parked; {@code lastError} is the failure before that, if it was retried
 */
public record DeadLetter(
    String queue,
    long id,
    String orderingKey,
    int attempts,
    String reason,
    Optional<String> lastError) {
  public DeadLetter {
    Objects.requireNonNull(queue, "queue");
    Objects.requireNonNull(orderingKey, "orderingKey");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(lastError, "lastError");
  }
}
