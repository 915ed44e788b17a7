package io.omnichannel.launcher.web;

import static io.omnichannel.launcher.web.Html.esc;

import java.util.List;
import java.util.Optional;

/**
 * The console's frame: the login page, and every other page under one navigation bar whose logout
 * button posts the session's CSRF token. Values are escaped where they enter ({@link Html#esc}).
 */
final class ConsoleHtml {
  static final String SITE = "Консоль omnichannel";
  static final String CSRF_FIELD = "csrf";

  private ConsoleHtml() {}

  static String login(Optional<String> error, Optional<String> notice) {
    return Html.page(
        "Вход",
        SITE,
        false,
        "<h1>Вход в консоль</h1>\n"
            + error
                .map(text -> "<p class=\"error\" role=\"alert\">" + esc(text) + "</p>\n")
                .orElse("")
            + notice.map(text -> "<p class=\"notice\">" + esc(text) + "</p>\n").orElse("")
            + "<form method=\"post\" action=\""
            + ConsoleEndpoint.LOGIN
            + "\" autocomplete=\"off\">\n"
            + "  <label>Токен администратора<input name=\"token\" type=\"password\" required"
            + " autofocus></label>\n"
            + "  <button type=\"submit\">Войти</button>\n</form>\n"
            + "<p class=\"hint\">Токен задается переменной OMNICHANNEL_ADMIN_TOKEN.</p>");
  }

  /** A page for someone who is not logged in: a closed console, or too many tries. */
  static String message(String title, String text) {
    return Html.page(title, SITE, false, "<h1>" + esc(title) + "</h1>\n<p>" + esc(text) + "</p>");
  }

  /** A console page: the navigation, an optional notice, the title and the content. */
  static String page(String title, String csrf, Optional<String> notice, String contentHtml) {
    return Html.page(
        title,
        SITE,
        true,
        "<nav>"
            + link(ConsoleEndpoint.CONNECTIONS, "Подключения")
            + link(ConsoleEndpoint.DEAD_LETTERS, "Недоставленные сообщения")
            + link(ConsoleEndpoint.AUDIT, "Журнал действий")
            + postButton(ConsoleEndpoint.LOGOUT, csrf, "Выйти", "secondary")
            + "</nav>\n"
            + notice
                .map(text -> "<p class=\"notice\" role=\"status\">" + esc(text) + "</p>\n")
                .orElse("")
            + "<h1>"
            + esc(title)
            + "</h1>\n"
            + contentHtml);
  }

  /** A form of one button that posts to {@code path} with the session's CSRF token. */
  static String postButton(String path, String csrf, String label, String cssClass) {
    return "<form method=\"post\" action=\""
        + esc(path)
        + "\"><input type=\"hidden\" name=\""
        + CSRF_FIELD
        + "\" value=\""
        + esc(csrf)
        + "\"><button type=\"submit\" class=\""
        + cssClass
        + "\">"
        + esc(label)
        + "</button></form>";
  }

  static String link(String path, String text) {
    return "<a href=\"" + esc(path) + "\">" + esc(text) + "</a>";
  }

  /** A table: the header's labels, then rows of cells already in HTML. */
  static String table(String empty, List<String> header, Iterable<String[]> rows) {
    StringBuilder html = new StringBuilder("<table>\n<tr>");
    for (String label : header) {
      html.append("<th>").append(esc(label)).append("</th>");
    }
    html.append("</tr>\n");
    boolean any = false;
    for (String[] row : rows) {
      any = true;
      html.append("<tr>");
      for (String cell : row) {
        html.append("<td>").append(cell).append("</td>");
      }
      html.append("</tr>\n");
    }
    html.append("</table>\n");
    return any ? html.toString() : "<p class=\"muted\">" + esc(empty) + "</p>\n";
  }
}
