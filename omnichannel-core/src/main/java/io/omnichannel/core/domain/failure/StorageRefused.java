package io.omnichannel.core.domain.failure;

/**
 * The database answers but refuses the configured user or password: waiting does not help, the
 * settings must change.
 */
public final class StorageRefused extends GatewayFailure {
  public StorageRefused(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public boolean retryable() {
    return false;
  }
}
