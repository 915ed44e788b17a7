package io.omnichannel.core.port.out;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A durable queue shared by workers of several instances. A claimed row is held under a lease: if
 * its worker dies, the row becomes claimable again when the lease runs out. Only the oldest
 * unfinished row of an ordering key can be claimed, so per-chat order holds.
 */
public interface WorkQueue<T> {

  /** The oldest claimable row due at {@code now}, leased until {@code now + lease}. */
  Optional<Claimed<T>> claimNext(Instant now, Duration lease);

  void complete(long id);

  /**
   * Releases the row to be tried again at {@code next} (a backoff, or exactly a rate limit's
   * retry-after).
   */
  void retryAt(long id, Instant next, String reason);

  /**
   * Like {@link #retryAt}, for a wait the messenger asked for (a rate limit): it is no failure, so
   * an implementation should not count the claim as an attempt towards burying the row.
   */
  default void postpone(long id, Instant next, String reason) {
    retryAt(id, next, reason);
  }

  /**
   * Parks the row as dead, with the reason, for the admin to see; it blocks its ordering key no
   * more.
   */
  void bury(long id, String reason);
}
