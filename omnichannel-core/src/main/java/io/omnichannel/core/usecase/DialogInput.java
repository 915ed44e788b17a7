package io.omnichannel.core.usecase;

import java.util.Locale;

/**
 * How typed or pressed text is compared with a button: blanks around it and letter case do not
 * matter.
 */
final class DialogInput {
  private DialogInput() {}

  static boolean matches(String input, String buttonText) {
    return normalize(input).equals(normalize(buttonText));
  }

  private static String normalize(String text) {
    return text == null ? "" : text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }
}
