package io.omnichannel.core.domain.failure;

/** 1C-Connect refused or failed a call. */
public abstract class PlatformFailure extends GatewayFailure {
  protected PlatformFailure(String message) {
    super(message);
  }

  protected PlatformFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
