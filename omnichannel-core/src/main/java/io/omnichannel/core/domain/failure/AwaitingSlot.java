package io.omnichannel.core.domain.failure;

import java.time.Instant;
import java.util.Objects;

/**
 * Nothing was sent: the bot's or the chat's sending slots are all taken until {@link #opensAt()}.
 * The row is postponed to that moment, no attempt counted; no thread waits for it.
 */
public final class AwaitingSlot extends ChannelFailure {
  private final Instant opensAt;

  public AwaitingSlot(Instant opensAt) {
    super("waiting for a sending slot until " + opensAt);
    this.opensAt = Objects.requireNonNull(opensAt, "opensAt");
  }

  public Instant opensAt() {
    return opensAt;
  }

  @Override
  public boolean retryable() {
    return true;
  }
}
