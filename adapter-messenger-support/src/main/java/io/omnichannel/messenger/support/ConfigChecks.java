package io.omnichannel.messenger.support;

import static com.google.common.base.Preconditions.checkArgument;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/** The checks and bits every messenger adapter's settings share, naming the bad field. */
public final class ConfigChecks {
  private ConfigChecks() {}

  /**
   * What every messenger's settings hold: its API (http or https), a receive mode, where it reaches
   * us, and this instance's name in the polling leases.
   */
  public static void receiving(
      URI apiBaseUrl, Enum<?> receiveMode, URI publicBaseUrl, String instanceId) {
    httpUrl(apiBaseUrl, "apiBaseUrl");
    Objects.requireNonNull(receiveMode, "receiveMode");
    Objects.requireNonNull(publicBaseUrl, "publicBaseUrl");
    notBlank(instanceId, "instanceId");
  }

  /**
   * The timings every messenger adapter has: all positive, a long poll of whole seconds up to the
   * messenger's most, a back-off that grows from its least to its most.
   */
  public static void timeouts(
      Duration connect,
      Duration request,
      Duration upload,
      Duration longPoll,
      int longPollMaxSeconds,
      Duration backoffMin,
      Duration backoffMax,
      Duration leaseTtl) {
    positive(connect, "connect");
    positive(request, "request");
    positive(upload, "upload");
    Objects.requireNonNull(longPoll, "longPoll");
    checkArgument(
        !longPoll.isNegative() && longPoll.toSeconds() <= longPollMaxSeconds,
        "longPoll must be 0..%s s",
        longPollMaxSeconds);
    positive(backoffMin, "backoffMin");
    positive(backoffMax, "backoffMax");
    checkArgument(backoffMax.compareTo(backoffMin) >= 0, "backoffMax must be >= backoffMin");
    positive(leaseTtl, "leaseTtl");
  }

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
