package io.omnichannel.core.domain.failure;

/**
 * The database refused a write to a queue row because the claim that tried it no longer holds the
 * row: its lease ran out and another worker took it (or finished it). What the stale worker tried
 * changed nothing, and a transaction it ran in is rolled back; trying again would not help.
 */
public final class ClaimLost extends GatewayFailure {
  public ClaimLost(String message) {
    super(message);
  }

  @Override
  public boolean retryable() {
    return false;
  }
}
