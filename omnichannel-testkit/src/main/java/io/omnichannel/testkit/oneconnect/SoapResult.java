package io.omnichannel.testkit.oneconnect;

/**
 * What an operation answers: a result code, data (String, ValueTable or null) and a message on
 * failure.
 */
record SoapResult(String code, Object data, String message) {
  static SoapResult success(Object data) {
    return new SoapResult(SoapPropertyNames.SUCCESS, data, null);
  }

  static SoapResult failure(String code, String message) {
    return new SoapResult(code, null, message);
  }
}
