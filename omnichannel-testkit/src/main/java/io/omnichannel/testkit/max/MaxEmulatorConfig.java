package io.omnichannel.testkit.max;

import com.google.common.base.Ticker;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of one MAX emulator. Start from {@link #defaults()} and change with the withers.
 *
 * @param port 0 = an ephemeral port
 * @param rateLimits 429 limits (real ones by default)
 * @param webhookRetry retry schedule of webhook deliveries
 * @param ticker time source of the rate limits and of {@code attachmentNotReadyFor}
 * @param attachmentNotReadyFor an uploaded file or image answers 400 {@code attachment.not.ready}
 *     when sent within this time after its upload (0 = ready at once)
 * @param allowLoopbackHttpWebhooks MAX accepts only {@code https://} webhook URLs; with true the
 *     emulator also accepts {@code http://127.0.0.1|localhost} so tests can receive on loopback
 * @param historyPerChat sent messages kept per chat (counts stay exact beyond)
 * @param pendingUpdatesPerBot unread updates kept per bot (the oldest dropped beyond; MAX keeps 24
 *     h)
 * @param storedFileBytes total bytes of uploaded files kept; beyond, uploads keep only size and
 *     hash
 */
public record MaxEmulatorConfig(
    int port,
    MaxRateLimits rateLimits,
    MaxWebhookRetry webhookRetry,
    Ticker ticker,
    Duration attachmentNotReadyFor,
    boolean allowLoopbackHttpWebhooks,
    int historyPerChat,
    int pendingUpdatesPerBot,
    long storedFileBytes) {

  public MaxEmulatorConfig {
    Objects.requireNonNull(rateLimits, "rateLimits");
    Objects.requireNonNull(webhookRetry, "webhookRetry");
    Objects.requireNonNull(ticker, "ticker");
    Objects.requireNonNull(attachmentNotReadyFor, "attachmentNotReadyFor");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535, was " + port);
    }
    if (historyPerChat <= 0
        || pendingUpdatesPerBot <= 0
        || storedFileBytes < 0
        || attachmentNotReadyFor.isNegative()) {
      throw new IllegalArgumentException("caps must be positive");
    }
  }

  /** Real limits, realistic webhook retries, attachments ready 500 ms after upload. */
  public static MaxEmulatorConfig defaults() {
    return new MaxEmulatorConfig(
        0,
        MaxRateLimits.real(),
        MaxWebhookRetry.realistic(),
        Ticker.systemTicker(),
        Duration.ofMillis(500),
        true,
        1_000,
        10_000,
        256L * 1024 * 1024);
  }

  /** For tests: limits off, fast retries, attachments ready at once. */
  public static MaxEmulatorConfig forTests() {
    return defaults()
        .withRateLimits(MaxRateLimits.off())
        .withWebhookRetry(MaxWebhookRetry.fast())
        .withAttachmentNotReadyFor(Duration.ZERO);
  }

  public MaxEmulatorConfig withPort(int newPort) {
    return new MaxEmulatorConfig(
        newPort,
        rateLimits,
        webhookRetry,
        ticker,
        attachmentNotReadyFor,
        allowLoopbackHttpWebhooks,
        historyPerChat,
        pendingUpdatesPerBot,
        storedFileBytes);
  }

  public MaxEmulatorConfig withRateLimits(MaxRateLimits limits) {
    return new MaxEmulatorConfig(
        port,
        limits,
        webhookRetry,
        ticker,
        attachmentNotReadyFor,
        allowLoopbackHttpWebhooks,
        historyPerChat,
        pendingUpdatesPerBot,
        storedFileBytes);
  }

  public MaxEmulatorConfig withWebhookRetry(MaxWebhookRetry retry) {
    return new MaxEmulatorConfig(
        port,
        rateLimits,
        retry,
        ticker,
        attachmentNotReadyFor,
        allowLoopbackHttpWebhooks,
        historyPerChat,
        pendingUpdatesPerBot,
        storedFileBytes);
  }

  public MaxEmulatorConfig withTicker(Ticker newTicker) {
    return new MaxEmulatorConfig(
        port,
        rateLimits,
        webhookRetry,
        newTicker,
        attachmentNotReadyFor,
        allowLoopbackHttpWebhooks,
        historyPerChat,
        pendingUpdatesPerBot,
        storedFileBytes);
  }

  public MaxEmulatorConfig withAttachmentNotReadyFor(Duration notReady) {
    return new MaxEmulatorConfig(
        port,
        rateLimits,
        webhookRetry,
        ticker,
        notReady,
        allowLoopbackHttpWebhooks,
        historyPerChat,
        pendingUpdatesPerBot,
        storedFileBytes);
  }

  public MaxEmulatorConfig withLoopbackHttpWebhooks(boolean allow) {
    return new MaxEmulatorConfig(
        port,
        rateLimits,
        webhookRetry,
        ticker,
        attachmentNotReadyFor,
        allow,
        historyPerChat,
        pendingUpdatesPerBot,
        storedFileBytes);
  }

  public MaxEmulatorConfig withCaps(int perChat, int pendingUpdates, long fileBytes) {
    return new MaxEmulatorConfig(
        port,
        rateLimits,
        webhookRetry,
        ticker,
        attachmentNotReadyFor,
        allowLoopbackHttpWebhooks,
        perChat,
        pendingUpdates,
        fileBytes);
  }
}
