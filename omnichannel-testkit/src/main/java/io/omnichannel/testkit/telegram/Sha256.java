package io.omnichannel.testkit.telegram;

import java.util.HexFormat;

/** SHA-256 in lower-case hex, the form {@link SentFile#sha256()} reports. */
final class Sha256 {
  private Sha256() {}

  static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(RequestParser.sha256().digest(bytes));
  }
}
