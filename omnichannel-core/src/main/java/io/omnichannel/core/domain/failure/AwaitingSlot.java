package io.omnichannel.core.domain.failure;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Nothing was sent: the bot's or the chat's sending slots are all taken until {@link #opensAt()}.
 * The row is postponed to that moment, no attempt counted; no thread waits for it.
 */
public final class AwaitingSlot extends ChannelFailure {
  private final Instant opensAt;
  private final Optional<Instant> senderOpensAt;

  public AwaitingSlot(Instant opensAt) {
    this(opensAt, Optional.empty());
  }

  /**
   * @param senderOpensAt when the sender's own window (the bot's, all its chats') is full: the
   *     earliest it may have a slot again; none of the sender's rows can go before
   */
  public AwaitingSlot(Instant opensAt, Optional<Instant> senderOpensAt) {
    super("waiting for a sending slot until " + opensAt);
    this.opensAt = Objects.requireNonNull(opensAt, "opensAt");
    this.senderOpensAt = Objects.requireNonNull(senderOpensAt, "senderOpensAt");
  }

  public Instant opensAt() {
    return opensAt;
  }

  /** Present when the whole sender waits, not only this chat: until when. */
  public Optional<Instant> senderOpensAt() {
    return senderOpensAt;
  }

  @Override
  public boolean retryable() {
    return true;
  }
}
