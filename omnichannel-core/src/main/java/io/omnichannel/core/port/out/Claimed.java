package io.omnichannel.core.port.out;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;

/** A queue row claimed by one worker under a lease; {@code attempt} counts from 1. */
public record Claimed<T>(long id, T item, int attempt) {
  public Claimed {
    Objects.requireNonNull(item, "item");
    checkArgument(attempt >= 1, "attempts count from 1");
  }
}
