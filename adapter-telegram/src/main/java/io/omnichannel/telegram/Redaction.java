package io.omnichannel.telegram;

import java.util.regex.Pattern;

/**
 * Tokens travel in Bot API URLs; every text that may reach a log or an exception passes through
 * here.
 */
final class Redaction {
  private static final Pattern TOKEN = Pattern.compile("([0-9]{1,20}):[A-Za-z0-9_-]{30,}");

  private Redaction() {}

  /** {@code bot123:ABC…} becomes {@code bot123:***}. */
  static String redact(String text) {
    return text == null ? "" : TOKEN.matcher(text).replaceAll("$1:***");
  }
}
