package io.omnichannel.telegram;

import static com.google.common.base.Preconditions.checkArgument;

import io.omnichannel.messenger.support.ConfigChecks;
import io.omnichannel.messenger.support.PollTimings;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the Telegram adapter; validated on construction, naming the bad field.
 *
 * @param apiBaseUrl the Bot API ({@code https://api.telegram.org}, an emulator or a local Bot API
 *     server)
 * @param receiveMode webhook or long polling, for every bot of this deployment
 * @param publicBaseUrl where Telegram reaches us; webhooks are {@code
 *     <base>/hooks/telegram/{connectionId}}
 * @param instanceId this instance's name in the polling leases (B3)
 * @param timeouts HTTP and long-poll timings
 * @param pacing sending limits (B2); {@link Pacing#telegram()} are Telegram's own
 */
public record TelegramConfig(
    URI apiBaseUrl,
    ReceiveMode receiveMode,
    URI publicBaseUrl,
    String instanceId,
    Timeouts timeouts,
    Pacing pacing) {

  public static final URI TELEGRAM_API = URI.create("https://api.telegram.org");

  public TelegramConfig {
    ConfigChecks.receiving(apiBaseUrl, receiveMode, publicBaseUrl, instanceId);
    Objects.requireNonNull(timeouts, "timeouts");
    Objects.requireNonNull(pacing, "pacing");
  }

  /** Telegram's own API, Telegram's limits, default timeouts. */
  public static TelegramConfig of(ReceiveMode mode, URI publicBaseUrl, String instanceId) {
    return new TelegramConfig(
        TELEGRAM_API, mode, publicBaseUrl, instanceId, Timeouts.defaults(), Pacing.telegram());
  }

  public TelegramConfig withApiBaseUrl(URI url) {
    return new TelegramConfig(url, receiveMode, publicBaseUrl, instanceId, timeouts, pacing);
  }

  public TelegramConfig withTimeouts(Timeouts newTimeouts) {
    return new TelegramConfig(
        apiBaseUrl, receiveMode, publicBaseUrl, instanceId, newTimeouts, pacing);
  }

  public TelegramConfig withPacing(Pacing newPacing) {
    return new TelegramConfig(
        apiBaseUrl, receiveMode, publicBaseUrl, instanceId, timeouts, newPacing);
  }

  /** The URL Telegram posts a connection's updates to. */
  public URI webhookUrl(String connectionId) {
    return ConfigChecks.webhookUrl(publicBaseUrl, "telegram", connectionId);
  }

  public enum ReceiveMode {
    WEBHOOK,
    POLLING
  }

  /**
   * @param connect TCP connect timeout of every call
   * @param request answer timeout of a normal call (uploads get {@code upload})
   * @param upload answer timeout of a file upload or download
   * @param longPoll the {@code timeout} given to getUpdates (whole seconds, at most 50)
   * @param backoffMin first wait after a failed poll, doubled up to {@code backoffMax}
   * @param backoffMax longest wait between failed polls
   * @param leaseTtl how long a polling lease lasts; it is renewed every third of it
   */
  public record Timeouts(
      Duration connect,
      Duration request,
      Duration upload,
      Duration longPoll,
      Duration backoffMin,
      Duration backoffMax,
      Duration leaseTtl) {
    public Timeouts {
      ConfigChecks.timeouts(
          connect, request, upload, longPoll, 50, backoffMin, backoffMax, leaseTtl);
    }

    public static Timeouts defaults() {
      return new Timeouts(
          Duration.ofSeconds(10),
          Duration.ofSeconds(30),
          Duration.ofMinutes(5),
          Duration.ofSeconds(25),
          Duration.ofSeconds(1),
          Duration.ofSeconds(60),
          Duration.ofSeconds(60));
    }

    /** What the polling loop needs of them. */
    PollTimings polling(Duration minSpacing) {
      return new PollTimings(request, longPoll, backoffMin, backoffMax, leaseTtl, minSpacing);
    }

    public Timeouts withLongPoll(Duration value) {
      return new Timeouts(connect, request, upload, value, backoffMin, backoffMax, leaseTtl);
    }

    public Timeouts withBackoff(Duration min, Duration max) {
      return new Timeouts(connect, request, upload, longPoll, min, max, leaseTtl);
    }

    public Timeouts withLeaseTtl(Duration value) {
      return new Timeouts(connect, request, upload, longPoll, backoffMin, backoffMax, value);
    }
  }

  /**
   * Sending limits per bot (B2). A private chat may take {@code privateBurst} messages in any
   * {@code privateBurst × privateInterval} (a burst, then one per interval on average); a group
   * {@code groupMessages} per {@code groupWindow}; the bot {@code botMessages} per {@code
   * botWindow}.
   */
  public record Pacing(
      int privateBurst,
      Duration privateInterval,
      int groupMessages,
      Duration groupWindow,
      int botMessages,
      Duration botWindow) {
    public Pacing {
      checkArgument(privateBurst > 0, "privateBurst must be > 0");
      ConfigChecks.positive(privateInterval, "privateInterval");
      checkArgument(groupMessages > 0, "groupMessages must be > 0");
      ConfigChecks.positive(groupWindow, "groupWindow");
      checkArgument(botMessages > 0, "botMessages must be > 0");
      ConfigChecks.positive(botWindow, "botWindow");
    }

    /**
     * Telegram's published limits: ~1/s per chat with bursts of 3, 20/min per group, 30/s per bot.
     */
    public static Pacing telegram() {
      return new Pacing(
          3, Duration.ofSeconds(1), 20, Duration.ofMinutes(1), 30, Duration.ofSeconds(1));
    }

    /**
     * The same counts with every window multiplied by {@code factor} (tests against a time-scaled
     * emulator).
     */
    public Pacing scaled(double factor) {
      return new Pacing(
          privateBurst,
          ConfigChecks.scaled(privateInterval, factor),
          groupMessages,
          ConfigChecks.scaled(groupWindow, factor),
          botMessages,
          ConfigChecks.scaled(botWindow, factor));
    }
  }
}
