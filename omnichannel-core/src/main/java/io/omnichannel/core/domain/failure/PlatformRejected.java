package io.omnichannel.core.domain.failure;

/** 1C-Connect answered an operation with an error code the gateway has no special meaning for. */
public final class PlatformRejected extends PlatformFailure {
  private final String operation;
  private final String code;

  public PlatformRejected(String operation, String code) {
    super(operation + " failed: " + code);
    this.operation = operation;
    this.code = code;
  }

  public String operation() {
    return operation;
  }

  public String code() {
    return code;
  }

  @Override
  public boolean retryable() {
    return false;
  }
}
