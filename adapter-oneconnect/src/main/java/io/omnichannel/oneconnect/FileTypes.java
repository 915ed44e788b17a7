package io.omnichannel.oneconnect;

import java.net.URLConnection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A line's File object has no MIME type (oneconnect-api.md §5), so it is derived from the file's
 * name: the JDK's table first, then the few types messengers treat specially that it lacks. The
 * download's {@code Content-Type}, when it names a real type, is preferred over the name's.
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

  /** {@code type/subtype} in RFC 6838's restricted-name characters. */
  private static final Pattern MEDIA_TYPE =
      Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]{0,126}/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}");

  private FileTypes() {}

  /**
   * The type a download's {@code Content-Type} header declares, without its parameters; empty when
   * there is none, it is malformed, or it is the generic {@value #UNKNOWN} that says nothing.
   */
  static Optional<String> byDownload(Optional<String> contentType) {
    return contentType
        .map(header -> header.split(";", 2)[0].strip().toLowerCase(Locale.ROOT))
        .filter(type -> MEDIA_TYPE.matcher(type).matches())
        .filter(type -> !type.equals(UNKNOWN));
  }

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
