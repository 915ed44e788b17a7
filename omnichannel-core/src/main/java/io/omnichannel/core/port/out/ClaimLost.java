package io.omnichannel.core.port.out;

/**
 * The row is no longer held by the claim that tried to finish it: its lease ran out and another
 * worker took it (or finished it). What the stale worker tried changed nothing; a transaction it
 * ran in is rolled back.
 */
public final class ClaimLost extends RuntimeException {
  public ClaimLost(String message) {
    super(message);
  }
}
