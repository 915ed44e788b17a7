package io.omnichannel.messenger.support;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into a messenger's message-sized parts: at a line break or a space when there is one,
 * never inside a UTF-16 pair.
 */
public final class TextParts {

  private TextParts() {}

  public static List<String> split(String text, int max) {
    List<String> parts = new ArrayList<>();
    String rest = text.strip();
    while (rest.length() > max) {
      int cut = cutPoint(rest, max);
      String part = rest.substring(0, cut).stripTrailing();
      if (!part.isEmpty()) {
        parts.add(part);
      }
      rest = rest.substring(cut).stripLeading();
    }
    if (!rest.isEmpty()) {
      parts.add(rest);
    }
    return parts;
  }

  /** The first part of at most {@code max} units, and the rest (empty when it all fits). */
  public static String[] head(String text, int max) {
    String stripped = text.strip();
    if (stripped.length() <= max) {
      return new String[] {stripped, ""};
    }
    int cut = cutPoint(stripped, max);
    return new String[] {
      stripped.substring(0, cut).stripTrailing(), stripped.substring(cut).stripLeading()
    };
  }

  private static int cutPoint(String text, int max) {
    int newline = text.lastIndexOf('\n', max);
    if (newline > max / 2) {
      return newline;
    }
    for (int i = max; i > max / 2; i--) {
      if (Character.isWhitespace(text.charAt(i))) {
        return i;
      }
    }
    // one word longer than half a message: cut it, but not between the two halves of a surrogate
    // pair
    return Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
  }
}
