package io.omnichannel.core.domain.failure;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Nothing was sent: the bot's or the chat's sending slots are all taken until {@link #opensAt()}.
 * The row is postponed to that moment, no attempt counted; no thread waits for it.
 */
public final class AwaitingSlot extends ChannelFailure {
  private final Instant opensAt;
  private final List<Instant> senderOpenings;

  public AwaitingSlot(Instant opensAt) {
    this(opensAt, List.of());
  }

  /**
   * @param senderOpenings when the sender's own window (the bot's, all its chats') is full: when
   *     each of its slots may open again, earliest first; none of the sender's rows can go before
   *     the first, and one row per slot after it
   */
  public AwaitingSlot(Instant opensAt, List<Instant> senderOpenings) {
    super("waiting for a sending slot until " + opensAt);
    this.opensAt = Objects.requireNonNull(opensAt, "opensAt");
    this.senderOpenings = senderOpenings.stream().sorted().toList();
  }

  public Instant opensAt() {
    return opensAt;
  }

  /** When the whole sender waits: when each of its slots may open, earliest first; else empty. */
  public List<Instant> senderOpenings() {
    return senderOpenings;
  }

  @Override
  public boolean retryable() {
    return true;
  }
}
