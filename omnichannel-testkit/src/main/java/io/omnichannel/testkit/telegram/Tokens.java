package io.omnichannel.testkit.telegram;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/** Bot tokens as BotFather issues them: {@code <bot id>:<35 chars of [A-Za-z0-9_-]>}. */
final class Tokens {
  private static final Pattern FORMAT = Pattern.compile("[0-9]{1,20}:[A-Za-z0-9_-]{35}");
  private static final String ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
  private static final SecureRandom RANDOM = new SecureRandom();

  private Tokens() {}

  static boolean isWellFormed(String token) {
    return token != null && FORMAT.matcher(token).matches();
  }

  static String generate(long botId) {
    StringBuilder secret = new StringBuilder(botId + ":");
    for (int i = 0; i < 35; i++) {
      secret.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return secret.toString();
  }

  static long botId(String token) {
    return Long.parseLong(token.substring(0, token.indexOf(':')));
  }

  /** The public part of a token, for messages that must not echo secrets. */
  static String botIdOrEmpty(String token) {
    return isWellFormed(token) ? token.substring(0, token.indexOf(':')) + ":…" : "(malformed)";
  }
}
