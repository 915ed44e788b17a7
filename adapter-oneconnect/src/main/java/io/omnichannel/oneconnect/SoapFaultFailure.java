package io.omnichannel.oneconnect;

import io.omnichannel.core.domain.failure.PlatformFailure;

/**
 * PartnerWebAPI2 answered an operation with a SOAP Fault. A {@code Receiver} fault is the service's
 * own trouble and may pass; a {@code Sender} fault (our request) will not.
 */
final class SoapFaultFailure extends PlatformFailure {
  private final String operation;
  private final String faultCode;

  SoapFaultFailure(String operation, String faultCode, String reason) {
    super(operation + ": SOAP fault " + faultCode + (reason.isEmpty() ? "" : ": " + reason));
    this.operation = operation;
    this.faultCode = faultCode;
  }

  String operation() {
    return operation;
  }

  String faultCode() {
    return faultCode;
  }

  @Override
  public boolean retryable() {
    return faultCode.endsWith("Receiver");
  }
}
