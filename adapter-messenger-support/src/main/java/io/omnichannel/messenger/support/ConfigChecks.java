package io.omnichannel.messenger.support;

import static com.google.common.base.Preconditions.checkArgument;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/** The checks and bits every messenger adapter's settings share, naming the bad field. */
public final class ConfigChecks {
  private ConfigChecks() {}

  public static void httpUrl(URI url, String name) {
    Objects.requireNonNull(url, name);
    checkArgument(
        "http".equals(url.getScheme()) || "https".equals(url.getScheme()),
        "%s must be http(s): %s",
        name,
        url);
  }

  public static void notBlank(String value, String name) {
    checkArgument(value != null && !value.isBlank(), "%s must not be blank", name);
  }

  public static void positive(Duration value, String name) {
    Objects.requireNonNull(value, name);
    checkArgument(!value.isZero() && !value.isNegative(), "%s must be > 0", name);
  }

  /** A window multiplied by {@code factor} (tests against a time-scaled emulator); never zero. */
  public static Duration scaled(Duration duration, double factor) {
    checkArgument(factor > 0, "factor must be > 0");
    return Duration.ofNanos(Math.max(1, Math.round(duration.toNanos() * factor)));
  }

  /** {@code <publicBase>/hooks/<messenger>/<connectionId>}, whether the base ends in a slash. */
  public static URI webhookUrl(URI publicBase, String messenger, String connectionId) {
    String base = publicBase.toString();
    return URI.create(
        (base.endsWith("/") ? base : base + "/") + "hooks/" + messenger + "/" + connectionId);
  }
}
