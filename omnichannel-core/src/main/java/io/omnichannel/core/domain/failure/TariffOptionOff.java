package io.omnichannel.core.domain.failure;

/** The company's tariff option "external channels" is not active. */
public final class TariffOptionOff extends PlatformFailure {
  public TariffOptionOff(String message) {
    super(message);
  }

  public TariffOptionOff(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public boolean retryable() {
    return false;
  }
}
