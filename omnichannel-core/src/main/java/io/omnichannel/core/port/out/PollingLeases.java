package io.omnichannel.core.port.out;

import io.omnichannel.core.domain.ConnectionId;
import java.time.Duration;
import java.time.Instant;

/**
 * B3: which instance long-polls which bot. Exactly one holder at a time; a holder that stops
 * renewing loses the lease when it runs out, and another instance takes it over.
 */
public interface PollingLeases {
  /**
   * Takes the lease if it is free or expired, or renews it if {@code instance} holds it.
   *
   * @return whether {@code instance} holds the lease until {@code now + ttl}
   */
  boolean acquireOrRenew(ConnectionId connection, String instance, Instant now, Duration ttl);

  /**
   * Gives the lease up (on disconnect or shutdown) so another instance need not wait for it to run
   * out.
   */
  void release(ConnectionId connection, String instance);
}
