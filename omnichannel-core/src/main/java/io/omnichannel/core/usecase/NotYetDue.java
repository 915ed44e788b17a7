package io.omnichannel.core.usecase;

import java.time.Instant;
import java.util.Objects;

/**
 * A row that is to be handled later, by plan rather than failure: it stays its chat's head and is
 * postponed to {@link #due()}, no attempt counted.
 */
final class NotYetDue extends RuntimeException {
  private final Instant due;

  NotYetDue(Instant due, String reason) {
    super(reason, null, false, false);
    this.due = Objects.requireNonNull(due, "due");
  }

  Instant due() {
    return due;
  }
}
