package io.omnichannel.testkit.telegram;

import java.util.regex.Pattern;

/**
 * Length of a text after entity parsing, in UTF-16 code units as Telegram counts. Markup is
 * stripped approximately: HTML tags and the four entities, Markdown(V2) markers and link targets.
 */
final class MessageText {
  private static final Pattern HTML_TAG = Pattern.compile("<[^>]*>");
  private static final Pattern MARKDOWN_LINK = Pattern.compile("\\[([^\\]]*)\\]\\([^)]*\\)");
  private static final Pattern MARKDOWN_V2_MARKERS =
      Pattern.compile("(?<!\\\\)(\\*|__|_|~|\\|\\||```|`)");
  private static final Pattern MARKDOWN_V2_ESCAPE = Pattern.compile("\\\\(.)");
  private static final Pattern MARKDOWN_MARKERS = Pattern.compile("[*_`]");

  private MessageText() {}

  static String visible(String text, String parseMode) {
    if (text == null) {
      return "";
    }
    String mode = parseMode == null ? "" : parseMode.trim();
    String visible;
    if (mode.equalsIgnoreCase("HTML")) {
      visible =
          HTML_TAG
              .matcher(text)
              .replaceAll("")
              .replace("&lt;", "<")
              .replace("&gt;", ">")
              .replace("&quot;", "\"")
              .replace("&amp;", "&");
    } else if (mode.equalsIgnoreCase("MarkdownV2")) {
      String noLinks = MARKDOWN_LINK.matcher(text).replaceAll("$1");
      visible =
          MARKDOWN_V2_ESCAPE
              .matcher(MARKDOWN_V2_MARKERS.matcher(noLinks).replaceAll(""))
              .replaceAll("$1");
    } else if (mode.equalsIgnoreCase("Markdown")) {
      visible =
          MARKDOWN_MARKERS.matcher(MARKDOWN_LINK.matcher(text).replaceAll("$1")).replaceAll("");
    } else if (mode.isEmpty()) {
      visible = text;
    } else {
      throw ApiError.badRequest("unsupported parse_mode");
    }
    return visible.strip();
  }
}
