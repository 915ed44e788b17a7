package io.omnichannel.testkit.oneconnect;

import java.time.Instant;
import java.util.Objects;

/**
 * Whether a client user may use a line; {@code active == false} is a ban (the line switched off).
 */
public record LineSubscription(String userId, String lineId, boolean active, Instant since) {
  public LineSubscription {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(lineId, "lineId");
    Objects.requireNonNull(since, "since");
  }
}
