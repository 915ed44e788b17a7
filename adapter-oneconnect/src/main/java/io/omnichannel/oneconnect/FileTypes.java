package io.omnichannel.oneconnect;

import java.net.URLConnection;
import java.util.Locale;
import java.util.Map;

/**
 * A line's File object has no MIME type (oneconnect-api.md §5), so it is derived from the file's
 * name: the JDK's table first, then the few types messengers treat specially that it lacks.
 */
final class FileTypes {
  static final String UNKNOWN = "application/octet-stream";
  private static final Map<String, String> EXTRA =
      Map.ofEntries(
          Map.entry("webp", "image/webp"),
          Map.entry("heic", "image/heic"),
          Map.entry("svg", "image/svg+xml"),
          Map.entry("mp4", "video/mp4"),
          Map.entry("mp3", "audio/mpeg"),
          Map.entry("ogg", "audio/ogg"),
          Map.entry("pdf", "application/pdf"),
          Map.entry(
              "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
          Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
          Map.entry("zip", "application/zip"),
          Map.entry("json", "application/json"));

  private FileTypes() {}

  static String byName(String fileName) {
    String guessed = URLConnection.guessContentTypeFromName(fileName);
    if (guessed != null && !guessed.isBlank()) {
      return guessed;
    }
    int dot = fileName.lastIndexOf('.');
    if (dot < 0 || dot == fileName.length() - 1) {
      return UNKNOWN;
    }
    return EXTRA.getOrDefault(fileName.substring(dot + 1).toLowerCase(Locale.ROOT), UNKNOWN);
  }
}
