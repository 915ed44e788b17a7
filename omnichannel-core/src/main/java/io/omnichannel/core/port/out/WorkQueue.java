package io.omnichannel.core.port.out;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A durable queue shared by workers of several instances. A claimed row is held under a lease: if
 * its worker dies, the row becomes claimable again when the lease runs out; a worker that needs
 * longer renews it. Only the oldest unfinished row of an ordering key can be claimed, so per-chat
 * order holds.
 *
 * <p>Every call on a claimed row is fenced by its claim: when the row is no longer held by that
 * claim, the call changes nothing and throws {@link io.omnichannel.core.domain.failure.ClaimLost}.
 */
public interface WorkQueue<T> {

  /** The oldest claimable row due at {@code now}, leased until {@code now + lease}. */
  Optional<Claimed<T>> claimNext(Instant now, Duration lease);

  /**
   * Extends the lease of a row still in hand until {@code until}; false when the claim was lost
   * (the row was taken by another worker or finished).
   */
  boolean renew(Claimed<T> claimed, Instant until);

  void complete(Claimed<T> claimed);

  /**
   * Releases the row to be tried again at {@code next} (a backoff, or exactly a rate limit's
   * retry-after).
   */
  void retryAt(Claimed<T> claimed, Instant next, String reason);

  /**
   * Like {@link #retryAt}, for a wait the messenger asked for (a rate limit): it is no failure, so
   * an implementation should not count the claim as an attempt towards burying the row.
   */
  default void postpone(Claimed<T> claimed, Instant next, String reason) {
    retryAt(claimed, next, reason);
  }

  /**
   * Parks the row as dead, with the reason, for the admin to see; it blocks its ordering key no
   * more.
   */
  void bury(Claimed<T> claimed, String reason);
}
