package io.omnichannel.max;

import java.util.regex.Pattern;

/**
 * A MAX token travels only in the {@code Authorization} header, never in a URL; still, every text
 * that may reach a log or an exception passes through here, and loses whatever looks like a token
 * or an {@code access_token} parameter.
 */
final class Redaction {
  private static final Pattern ACCESS_TOKEN =
      Pattern.compile("(?i)(access_token=|authorization[:=]\\s*)[^\\s&,;\"]+");

  private Redaction() {}

  static String redact(String text) {
    if (text == null) {
      return "";
    }
    return ACCESS_TOKEN.matcher(text).replaceAll("$1***");
  }

  /** Removes one known token wherever it occurs. */
  static String redact(String text, String token) {
    String redacted = redact(text);
    return token == null || token.isEmpty() ? redacted : redacted.replace(token, "***");
  }
}
