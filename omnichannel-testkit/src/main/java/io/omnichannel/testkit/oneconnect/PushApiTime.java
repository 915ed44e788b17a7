package io.omnichannel.testkit.oneconnect;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Time as the push API writes it: RFC 3339, UTC, microseconds (e.g. {@code
 * 2024-02-12T05:53:48.123456Z}).
 */
final class PushApiTime {
  private static final DateTimeFormatter RFC3339_MICROS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  private PushApiTime() {}

  static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }

  static String format(Instant instant) {
    return instant == null ? null : RFC3339_MICROS.format(instant);
  }

  /** Subscription dates: {@code YYYY-MM-DDTHH:MM:SSZ}, no fraction (oneconnect-api.md §5). */
  static String seconds(Instant instant) {
    return instant == null ? null : SECONDS.format(instant);
  }
}
