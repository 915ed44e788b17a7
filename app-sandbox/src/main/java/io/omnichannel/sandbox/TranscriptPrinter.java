package io.omnichannel.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnichannel.testkit.oneconnect.Button;
import io.omnichannel.testkit.oneconnect.TranscriptEntry;
import io.omnichannel.testkit.telegram.SentMessage;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * The story as a person reads it: step headers with progress, then who says what on either side,
 * buttons in brackets, long texts wrapped under their speaker.
 */
final class TranscriptPrinter {
  private static final String INDENT = "        ";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long MEBIBYTE = 1L << 20;
  private static final String RULE = "─".repeat(72);

  private final PrintWriter out;

  TranscriptPrinter(PrintWriter out) {
    this.out = out;
  }

  void step(int number, int total, String title) {
    out.printf(Locale.ROOT, "[%2d/%d] %s%n", number, total, title);
    out.flush();
  }

  void done(long millis) {
    line("✓ " + seconds(millis));
  }

  void say(String who, String text) {
    String[] lines = (text == null ? "" : text).split("\n", -1);
    StringBuilder said = new StringBuilder(who).append(": ").append(lines[0]);
    for (int i = 1; i < lines.length; i++) {
      said.append('\n').append(INDENT).append("    ").append(lines[i]);
    }
    line(said.toString());
  }

  void note(String text) {
    line("· " + text);
  }

  void line(String text) {
    out.println(INDENT + text);
    out.flush();
  }

  void rule() {
    raw(RULE);
  }

  void raw(String text) {
    out.println(text);
    out.flush();
  }

  /** A 1C-Connect chat entry: its text, its file, its buttons. */
  static String render(TranscriptEntry entry) {
    StringBuilder text = new StringBuilder();
    if (entry.file() != null) {
      text.append('[')
          .append(entry.kind() == TranscriptEntry.Kind.IMAGE ? "изображение" : "файл")
          .append(" «")
          .append(entry.file().name())
          .append("», ")
          .append(size(entry.file().size()))
          .append(']');
      if (entry.text() != null && !entry.text().isBlank()) {
        text.append(' ');
      }
    }
    if (entry.kind() == TranscriptEntry.Kind.KEYBOARD_DROPPED) {
      text.append("(меню убрано)");
    }
    if (entry.text() != null) {
      text.append(entry.text());
    }
    if (entry.keyboard() != null && !entry.keyboard().isEmpty()) {
      text.append("\n").append(buttons(entry.keyboard()));
    }
    if (entry.linkButton() != null) {
      text.append("\n[")
          .append(entry.linkButton().text())
          .append(" → ")
          .append(entry.linkButton().url())
          .append(']');
    }
    return text.toString();
  }

  static String buttons(List<List<Button>> keyboard) {
    StringBuilder rows = new StringBuilder();
    for (List<Button> row : keyboard) {
      for (Button button : row) {
        rows.append(rows.length() == 0 ? "" : " ").append('[').append(button.text()).append(']');
      }
    }
    return rows.toString();
  }

  /**
   * A message the bot sent in Telegram: text or caption, the file, the keyboard from its
   * reply_markup.
   */
  static String render(SentMessage message) {
    StringBuilder text = new StringBuilder();
    if (message.file() != null) {
      text.append('[')
          .append(message.method().equalsIgnoreCase("sendPhoto") ? "фото" : "документ")
          .append(" «")
          .append(message.file().fileName())
          .append("», ")
          .append(size(message.file().size()))
          .append(']');
      if (message.text() != null) {
        text.append(' ');
      }
    }
    if (message.text() != null) {
      text.append(message.text());
    }
    String markup = keyboard(message.replyMarkup());
    if (!markup.isEmpty()) {
      text.append('\n').append(markup);
    }
    return text.toString();
  }

  static String keyboard(String replyMarkup) {
    if (replyMarkup == null || replyMarkup.isBlank()) {
      return "";
    }
    try {
      JsonNode markup = JSON.readTree(replyMarkup);
      if (markup.path("remove_keyboard").asBoolean(false)) {
        return "(клавиатура убрана)";
      }
      boolean inline = markup.has("inline_keyboard");
      StringBuilder rows = new StringBuilder(inline ? "" : "клавиатура: ");
      for (JsonNode row : markup.path(inline ? "inline_keyboard" : "keyboard")) {
        for (JsonNode button : row) {
          String label = button.isTextual() ? button.asText() : button.path("text").asText();
          rows.append('[').append(label);
          if (button.has("url")) {
            rows.append(" → ").append(button.path("url").asText());
          }
          rows.append("] ");
        }
      }
      return rows.toString().strip();
    } catch (IOException unreadable) {
      return replyMarkup;
    }
  }

  /**
   * One size convention on both sides of the transcript, the gateway's own: binary units, «КБ» for
   * 1,024 bytes rounded to the nearest, «МБ» for 2^20 bytes rounded up to a tenth and written
   * without «,0» — so one file reads the same in Telegram, in the line and in the gateway's
   * notices.
   */
  static String size(long bytes) {
    if (bytes >= MEBIBYTE) {
      double value = Math.ceil(bytes * 10.0 / MEBIBYTE) / 10;
      return String.format(Locale.ROOT, value == Math.rint(value) ? "%.0f" : "%.1f", value)
              .replace('.', ',')
          + " МБ";
    }
    return Math.max(1, Math.round(bytes / 1024.0)) + " КБ";
  }

  static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
  }
}
