package io.omnichannel.core.port.out;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;

/**
 * A queue row claimed by one worker under a lease; {@code attempt} counts from 1. The {@code token}
 * names this one claim: whatever the worker then does to the row (renew, complete, retry, bury)
 * counts only while the row is still held by this token, so a worker whose lease ran out and whose
 * row another worker took changes nothing ({@link io.omnichannel.core.domain.failure.ClaimLost}).
 */
public record Claimed<T>(long id, T item, int attempt, long token) {
  public Claimed {
    Objects.requireNonNull(item, "item");
    checkArgument(attempt >= 1, "attempts count from 1");
  }
}
