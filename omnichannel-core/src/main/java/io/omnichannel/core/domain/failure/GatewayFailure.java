package io.omnichannel.core.domain.failure;

/**
 * A failure of something outside the core (a messenger, 1C-Connect, the database), translated by
 * its adapter. Messages name what failed and never carry a secret.
 */
public abstract class GatewayFailure extends RuntimeException {
  protected GatewayFailure(String message) {
    super(message);
  }

  protected GatewayFailure(String message, Throwable cause) {
    super(message, cause);
  }

  /** Whether the same call may succeed later without anyone changing anything. */
  public abstract boolean retryable();
}
