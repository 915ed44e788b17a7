package io.omnichannel.core.domain.failure;

/** The database could not be reached or failed a statement. */
public final class StorageUnavailable extends GatewayFailure {
  public StorageUnavailable(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public boolean retryable() {
    return true;
  }
}
