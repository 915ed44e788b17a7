package io.omnichannel.launcher.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a cold start's time went, from the lines {@code serve} logs as it starts: each phase's end
 * after the launch, and the thread that ended it (the database opens and migrates on a thread of
 * its own while the main thread wires the gateway).
 */
final class StartPhases {
  private static final Pattern LINE =
      Pattern.compile(
          "^(\\S+) +\\w+ +\\[([^\\]]+)\\] \\S+ - (database opened.*|omnichannel .*serving on.*)$");

  private StartPhases() {}

  static void print(List<String> log, Instant launched) {
    for (String line : log) {
      Matcher phase = LINE.matcher(line);
      if (!phase.matches()) {
        continue;
      }
      try {
        Instant at = OffsetDateTime.parse(phase.group(1)).toInstant();
        System.out.printf(
            "  +%5d ms [%s] %s%n",
            Duration.between(launched, at).toMillis(),
            phase.group(2),
            phase.group(3).replaceAll(" \\(public base .*", ""));
      } catch (DateTimeParseException notATimestamp) {
        // a line of another shape
      }
    }
  }
}
