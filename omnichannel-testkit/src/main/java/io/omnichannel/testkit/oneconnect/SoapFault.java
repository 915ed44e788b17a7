package io.omnichannel.testkit.oneconnect;

/**
 * A request the SOAP endpoint answers with a SOAP 1.2 Fault ({@code code} is Sender, Receiver, …).
 */
final class SoapFault extends RuntimeException {
  private static final long serialVersionUID = 1L;

  final String code;
  final int httpStatus;

  SoapFault(String code, String reason) {
    this(code, reason, 500);
  }

  SoapFault(String code, String reason, int httpStatus) {
    super(reason, null, false, false);
    this.code = code;
    this.httpStatus = httpStatus;
  }

  static SoapFault sender(String reason) {
    return new SoapFault("Sender", reason);
  }
}
