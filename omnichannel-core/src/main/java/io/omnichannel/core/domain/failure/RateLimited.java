package io.omnichannel.core.domain.failure;

import java.time.Duration;
import java.util.Objects;

/**
 * The messenger asked to wait (429): the next attempt is due exactly {@link #retryAfter()} later.
 */
public final class RateLimited extends ChannelFailure {
  private final Duration retryAfter;

  public RateLimited(Duration retryAfter) {
    super("rate limited, retry after " + retryAfter.toSeconds() + " s");
    this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
  }

  public Duration retryAfter() {
    return retryAfter;
  }

  @Override
  public boolean retryable() {
    return true;
  }
}
