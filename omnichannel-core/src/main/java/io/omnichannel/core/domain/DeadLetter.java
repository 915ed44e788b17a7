package io.omnichannel.core.domain;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;
import java.util.Optional;

/**
 * A queue row parked as dead after its attempts ran out or a refusal no retry could change; it
 * stays until an operator puts it back in its queue or discards it.
 *
 * @param orderingKey the chat (or source) whose order it belonged to
 * @param reason why it was parked; {@code lastError} is the failure before that, if it was retried
 */
public record DeadLetter(
    Id id, String orderingKey, int attempts, String reason, Optional<String> lastError) {
  public DeadLetter {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(orderingKey, "orderingKey");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(lastError, "lastError");
  }

  /** The queue a row belongs to: events received, or posts to send. */
  public enum Queue {
    INBOX,
    OUTBOX
  }

  /** A row of one queue. */
  public record Id(Queue queue, long row) {
    public Id {
      Objects.requireNonNull(queue, "queue");
      checkArgument(row > 0, "queue rows are numbered from 1");
    }
  }

  public Queue queue() {
    return id.queue();
  }
}
