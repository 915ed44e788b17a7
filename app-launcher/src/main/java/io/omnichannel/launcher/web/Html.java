package io.omnichannel.launcher.web;

import com.google.common.escape.Escaper;
import com.google.common.html.HtmlEscapers;

/**
 * The frame of every page a person opens, and the one way values get into it: escaped by Guava's
 * HTML escaper (text and attribute values alike). Pages link the shared stylesheet and carry no
 * script and no inline style, which {@link SecurityHeaders} forbids anyway.
 */
final class Html {
  private static final Escaper ESCAPER = HtmlEscapers.htmlEscaper();

  private Html() {}

  /** A value from outside (a name, a reason, an id), made text. */
  static String esc(String text) {
    return ESCAPER.escape(text);
  }

  /**
   * A whole page; {@code bodyHtml} is already HTML, the title is escaped here.
   *
   * @param wide a console table page rather than a small form
   */
  static String page(String title, String siteName, boolean wide, String bodyHtml) {
    return "<!DOCTYPE html>\n<html lang=\"ru\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        + "<title>"
        + esc(title)
        + " — "
        + esc(siteName)
        + "</title>\n<link rel=\"stylesheet\" href=\""
        + Stylesheet.PATH
        + "\">\n</head>\n<body>\n<main"
        + (wide ? " class=\"wide\"" : "")
        + ">\n"
        + bodyHtml
        + "\n</main>\n</body>\n</html>\n";
  }
}
