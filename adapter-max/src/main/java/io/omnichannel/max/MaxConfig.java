package io.omnichannel.max;

import static com.google.common.base.Preconditions.checkArgument;

import io.omnichannel.messenger.support.ConfigChecks;
import io.omnichannel.messenger.support.PollTimings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings of the MAX adapter; validated on construction, naming the bad field.
 *
 * @param apiBaseUrl the MAX Bot API ({@code https://platform-api2.max.ru}, or an emulator)
 * @param receiveMode webhook or long polling, for every bot of this deployment
 * @param publicBaseUrl where MAX reaches us; webhooks are {@code <base>/hooks/max/{connectionId}}
 *     (MAX takes only HTTPS on port 443 there)
 * @param instanceId this instance's name in the polling leases (B3)
 * @param timeouts HTTP, long-poll and retry timings
 * @param pacing sending limits (B2); {@link Pacing#max()} are MAX's documented ones
 * @param trustStore extra trusted roots (the Russian Trusted Root CA the API host chains to), on
 *     top of the JDK's; certificate verification is never switched off
 */
public record MaxConfig(
    URI apiBaseUrl,
    ReceiveMode receiveMode,
    URI publicBaseUrl,
    String instanceId,
    Timeouts timeouts,
    Pacing pacing,
    Optional<TrustStore> trustStore) {

  public static final URI MAX_API = URI.create("https://platform-api2.max.ru");

  public MaxConfig {
    ConfigChecks.receiving(apiBaseUrl, receiveMode, publicBaseUrl, instanceId);
    Objects.requireNonNull(timeouts, "timeouts");
    Objects.requireNonNull(pacing, "pacing");
    Objects.requireNonNull(trustStore, "trustStore");
  }

  /** MAX's own API, MAX's limits, default timeouts, the JDK's trusted roots only. */
  public static MaxConfig of(ReceiveMode mode, URI publicBaseUrl, String instanceId) {
    return new MaxConfig(
        MAX_API,
        mode,
        publicBaseUrl,
        instanceId,
        Timeouts.defaults(),
        Pacing.max(),
        Optional.empty());
  }

  public MaxConfig withApiBaseUrl(URI url) {
    return new MaxConfig(url, receiveMode, publicBaseUrl, instanceId, timeouts, pacing, trustStore);
  }

  public MaxConfig withTimeouts(Timeouts value) {
    return new MaxConfig(
        apiBaseUrl, receiveMode, publicBaseUrl, instanceId, value, pacing, trustStore);
  }

  public MaxConfig withPacing(Pacing value) {
    return new MaxConfig(
        apiBaseUrl, receiveMode, publicBaseUrl, instanceId, timeouts, value, trustStore);
  }

  public MaxConfig withTrustStore(TrustStore value) {
    return new MaxConfig(
        apiBaseUrl, receiveMode, publicBaseUrl, instanceId, timeouts, pacing, Optional.of(value));
  }

  /** The URL MAX posts a connection's updates to. */
  public URI webhookUrl(String connectionId) {
    return ConfigChecks.webhookUrl(publicBaseUrl, "max", connectionId);
  }

  public enum ReceiveMode {
    WEBHOOK,
    POLLING
  }

  /**
   * Extra trusted roots: a PEM file of one or more certificates, or a JKS / PKCS12 key store.
   *
   * @param password the key store's password; empty for PEM (and for a store without one)
   */
  public record TrustStore(Path path, Optional<String> password) {
    public TrustStore {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(password, "password");
    }

    public static TrustStore pem(Path path) {
      return new TrustStore(path, Optional.empty());
    }

    @Override
    public String toString() {
      return "TrustStore[" + path + (password.isPresent() ? ", password ***" : "") + "]";
    }
  }

  /**
   * @param connect TCP connect timeout of every call
   * @param request answer timeout of a normal call
   * @param upload answer timeout of a file upload or download
   * @param longPoll the {@code timeout} given to {@code GET /updates} (whole seconds, at most 30)
   * @param backoffMin first wait after a failed poll, doubled up to {@code backoffMax}
   * @param backoffMax longest wait between failed polls
   * @param leaseTtl how long a polling lease lasts; it is renewed every third of it
   * @param notReadyWaits the waits before each new try of a send MAX answered {@code
   *     attachment.not.ready}; when they are spent the send fails as retryable
   */
  public record Timeouts(
      Duration connect,
      Duration request,
      Duration upload,
      Duration longPoll,
      Duration backoffMin,
      Duration backoffMax,
      Duration leaseTtl,
      List<Duration> notReadyWaits) {
    public Timeouts {
      ConfigChecks.timeouts(
          connect, request, upload, longPoll, 30, backoffMin, backoffMax, leaseTtl);
      notReadyWaits = List.copyOf(notReadyWaits);
      checkArgument(notReadyWaits.size() <= 10, "at most 10 notReadyWaits");
      notReadyWaits.forEach(wait -> ConfigChecks.positive(wait, "notReadyWaits"));
    }

    /** As the official clients: 1 s, 2 s, 4 s between the tries of a not-ready attachment. */
    public static Timeouts defaults() {
      return new Timeouts(
          Duration.ofSeconds(10),
          Duration.ofSeconds(30),
          Duration.ofMinutes(5),
          Duration.ofSeconds(30),
          Duration.ofSeconds(1),
          Duration.ofSeconds(60),
          Duration.ofSeconds(60),
          List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4)));
    }

    /** What the polling loop needs of them. */
    PollTimings polling(Duration minSpacing) {
      return new PollTimings(request, longPoll, backoffMin, backoffMax, leaseTtl, minSpacing);
    }

    public Timeouts withLongPoll(Duration value) {
      return new Timeouts(
          connect, request, upload, value, backoffMin, backoffMax, leaseTtl, notReadyWaits);
    }

    public Timeouts withBackoff(Duration min, Duration max) {
      return new Timeouts(connect, request, upload, longPoll, min, max, leaseTtl, notReadyWaits);
    }

    public Timeouts withLeaseTtl(Duration value) {
      return new Timeouts(
          connect, request, upload, longPoll, backoffMin, backoffMax, value, notReadyWaits);
    }

    public Timeouts withNotReadyWaits(List<Duration> value) {
      return new Timeouts(
          connect, request, upload, longPoll, backoffMin, backoffMax, leaseTtl, value);
    }
  }

  /**
   * Sending limits per bot (B2). MAX documents 30 requests/s per bot and nothing per chat, so the
   * per-chat limits are conservative guesses: a dialog {@code dialogBurst} messages in any {@code
   * dialogBurst × dialogInterval}, a group {@code groupMessages} per {@code groupWindow}.
   */
  public record Pacing(
      int dialogBurst,
      Duration dialogInterval,
      int groupMessages,
      Duration groupWindow,
      int botRequests,
      Duration botWindow) {
    public Pacing {
      checkArgument(dialogBurst > 0, "dialogBurst must be > 0");
      ConfigChecks.positive(dialogInterval, "dialogInterval");
      checkArgument(groupMessages > 0, "groupMessages must be > 0");
      ConfigChecks.positive(groupWindow, "groupWindow");
      checkArgument(botRequests > 0 && botRequests <= 30, "botRequests must be 1..30");
      ConfigChecks.positive(botWindow, "botWindow");
    }

    /** 30 requests/s per bot (documented); 1/s with bursts of 3 per dialog, 20/min per group. */
    public static Pacing max() {
      return new Pacing(
          3, Duration.ofSeconds(1), 20, Duration.ofMinutes(1), 30, Duration.ofSeconds(1));
    }

    /** The same counts with every window multiplied by {@code factor} (time-scaled tests). */
    public Pacing scaled(double factor) {
      return new Pacing(
          dialogBurst,
          ConfigChecks.scaled(dialogInterval, factor),
          groupMessages,
          ConfigChecks.scaled(groupWindow, factor),
          botRequests,
          ConfigChecks.scaled(botWindow, factor));
    }
  }
}
