package io.omnichannel.launcher.logging;

import java.util.Locale;
import java.util.Optional;

/** The levels {@code OMNICHANNEL_LOG_LEVEL} accepts, most verbose first. */
public enum LogLevel {
  TRACE,
  DEBUG,
  INFO,
  WARN,
  ERROR;

  /** The level a setting names (any case); empty when unknown. */
  public static Optional<LogLevel> named(String name) {
    for (LogLevel level : values()) {
      if (level.name().equalsIgnoreCase(name.strip())) {
        return Optional.of(level);
      }
    }
    return Optional.empty();
  }

  public String settingValue() {
    return name().toLowerCase(Locale.ROOT);
  }
}
