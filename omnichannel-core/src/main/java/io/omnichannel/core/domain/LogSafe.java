package io.omnichannel.core.domain;

/**
 * A value that came with a request (a path segment, a header, an id read from a body) made fit for
 * one log line: line breaks, control and invisible formatting characters are escaped, so the value
 * cannot forge or hide a line, and a long value is cut.
 */
public final class LogSafe {
  static final int MAX_CHARS = 200;

  private LogSafe() {}

  public static String of(Object value) {
    if (value == null) {
      return "null";
    }
    String text = value.toString();
    int shown = Math.min(text.length(), MAX_CHARS);
    StringBuilder out = new StringBuilder(shown + 24);
    for (int i = 0; i < shown; i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\\' -> out.append("\\\\");
        default -> {
          if (invisible(c)) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    if (text.length() > shown) {
      out.append("…(").append(text.length()).append(" chars)");
    }
    return out.toString();
  }

  private static boolean invisible(char c) {
    int type = Character.getType(c);
    return Character.isISOControl(c)
        || type == Character.FORMAT
        || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR;
  }
}
