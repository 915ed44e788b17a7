package io.omnichannel.launcher.logging;

import java.util.Locale;
import java.util.Optional;

/** How a log line is written: for people ({@code text}) or for a log shipper ({@code json}). */
public enum LogFormat {
  TEXT,
  JSON;

  /** The format a setting names ({@code text}, {@code json}, any case); empty when unknown. */
  public static Optional<LogFormat> named(String name) {
    for (LogFormat format : values()) {
      if (format.name().equalsIgnoreCase(name.strip())) {
        return Optional.of(format);
      }
    }
    return Optional.empty();
  }

  public String settingValue() {
    return name().toLowerCase(Locale.ROOT);
  }
}
