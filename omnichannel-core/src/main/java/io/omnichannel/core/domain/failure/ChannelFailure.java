package io.omnichannel.core.domain.failure;

/** A messenger refused or failed a call. */
public abstract class ChannelFailure extends GatewayFailure {
  protected ChannelFailure(String message) {
    super(message);
  }

  protected ChannelFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
