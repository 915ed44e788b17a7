package io.omnichannel.testkit.telegram;

import com.google.common.base.Ticker;
import java.util.Objects;

/**
 * Settings of one emulator instance. Start from {@link #defaults()} and change with the withers.
 *
 * @param port 0 = an ephemeral port
 * @param rateLimits 429 limits, real values by default
 * @param webhookRetry retry/backoff of webhook deliveries
 * @param ticker time source of the rate limits (a test can pass a manual one)
 * @param historyPerChat sent messages kept per chat (older ones are forgotten, counts stay exact)
 * @param deliveriesPerBot webhook delivery records kept per bot
 * @param pendingUpdatesPerBot unconfirmed updates kept per bot (the oldest is dropped beyond)
 * @param storedFileBytes total bytes of uploaded files kept; beyond, the oldest files lose their
 *     bytes
 */
public record TelegramEmulatorConfig(
    int port,
    RateLimits rateLimits,
    WebhookRetryPolicy webhookRetry,
    Ticker ticker,
    int historyPerChat,
    int deliveriesPerBot,
    int pendingUpdatesPerBot,
    long storedFileBytes) {

  public TelegramEmulatorConfig {
    Objects.requireNonNull(rateLimits, "rateLimits");
    Objects.requireNonNull(webhookRetry, "webhookRetry");
    Objects.requireNonNull(ticker, "ticker");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535, was " + port);
    }
    if (historyPerChat <= 0
        || deliveriesPerBot <= 0
        || pendingUpdatesPerBot <= 0
        || storedFileBytes < 0) {
      throw new IllegalArgumentException("caps must be positive");
    }
  }

  public static TelegramEmulatorConfig defaults() {
    return new TelegramEmulatorConfig(
        0,
        RateLimits.real(),
        WebhookRetryPolicy.realistic(),
        Ticker.systemTicker(),
        1_000,
        1_000,
        10_000,
        256L * 1024 * 1024);
  }

  public TelegramEmulatorConfig withPort(int newPort) {
    return new TelegramEmulatorConfig(
        newPort,
        rateLimits,
        webhookRetry,
        ticker,
        historyPerChat,
        deliveriesPerBot,
        pendingUpdatesPerBot,
        storedFileBytes);
  }

  public TelegramEmulatorConfig withRateLimits(RateLimits limits) {
    return new TelegramEmulatorConfig(
        port,
        limits,
        webhookRetry,
        ticker,
        historyPerChat,
        deliveriesPerBot,
        pendingUpdatesPerBot,
        storedFileBytes);
  }

  public TelegramEmulatorConfig withWebhookRetry(WebhookRetryPolicy retry) {
    return new TelegramEmulatorConfig(
        port,
        rateLimits,
        retry,
        ticker,
        historyPerChat,
        deliveriesPerBot,
        pendingUpdatesPerBot,
        storedFileBytes);
  }

  public TelegramEmulatorConfig withTicker(Ticker newTicker) {
    return new TelegramEmulatorConfig(
        port,
        rateLimits,
        webhookRetry,
        newTicker,
        historyPerChat,
        deliveriesPerBot,
        pendingUpdatesPerBot,
        storedFileBytes);
  }

  public TelegramEmulatorConfig withCaps(
      int perChat, int deliveries, int pendingUpdates, long fileBytes) {
    return new TelegramEmulatorConfig(
        port, rateLimits, webhookRetry, ticker, perChat, deliveries, pendingUpdates, fileBytes);
  }
}
