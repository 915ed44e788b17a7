package io.omnichannel.testkit.telegram;

import io.omnichannel.testkit.support.CountedLog;
import io.omnichannel.testkit.support.WebhookPost;
import java.net.http.HttpClient;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Pushes one bot's updates to its webhook: asynchronous POSTs (no thread waits on a slow hook),
 * per-chat order, at most max_connections in flight, retries with backoff, errors kept for
 * getWebhookInfo.
 */
final class WebhookDispatcher {
  private final UpdateQueue queue;
  private final HttpClient http;
  private final ScheduledExecutorService scheduler;
  private final WebhookRetryPolicy retry;
  private final CountedLog<WebhookDelivery> deliveries;
  private volatile boolean stopped;
  private volatile long lastErrorDate;
  private volatile String lastErrorMessage;

  WebhookDispatcher(
      UpdateQueue queue,
      HttpClient http,
      ScheduledExecutorService scheduler,
      WebhookRetryPolicy retry,
      int deliveriesKept) {
    this.queue = queue;
    this.http = http;
    this.scheduler = scheduler;
    this.retry = retry;
    this.deliveries = new CountedLog<>(deliveriesKept);
    queue.onNewUpdate(this::pump);
  }

  void pump() {
    if (stopped) {
      return;
    }
    WebhookConfig config = queue.webhook();
    if (config == null) {
      return;
    }
    for (PendingUpdate update : queue.claimForWebhook()) {
      deliver(update, config);
    }
  }

  private void deliver(PendingUpdate update, WebhookConfig config) {
    int attempt = update.failedAttempts + 1;
    WebhookPost.send(
            http,
            config.url(),
            retry.requestTimeout(),
            "application/json",
            Json.write(update.json),
            "X-Telegram-Bot-Api-Secret-Token",
            config.secretToken())
        .thenAccept(
            outcome -> {
              String error =
                  outcome.failure() != null ? outcome.failure() : describe(outcome.status());
              // state first, record last: whoever awaits the record sees the state it caused
              if (error == null) {
                queue.acknowledged(update);
              } else {
                lastErrorDate = Instant.now().getEpochSecond();
                lastErrorMessage = error;
                queue.deliveryFailed(update);
              }
              deliveries.append(
                  new WebhookDelivery(
                      update.updateId,
                      update.chatId,
                      attempt,
                      config.url(),
                      config.secretToken(),
                      outcome.status(),
                      error,
                      Instant.now()));
              if (error != null) {
                scheduleRetry(update, attempt);
              }
              pump();
            });
  }

  private void scheduleRetry(PendingUpdate update, int failedAttempts) {
    if (stopped) {
      return;
    }
    WebhookPost.later(
        scheduler,
        retry.backoffAfter(failedAttempts),
        () -> {
          queue.retryDue(update);
          pump();
        });
  }

  private static String describe(int status) {
    if (status >= 200 && status < 300) {
      return null;
    }
    return "Wrong response from the webhook: " + status + " " + ReasonPhrases.of(status);
  }

  CountedLog<WebhookDelivery> deliveries() {
    return deliveries;
  }

  long lastErrorDate() {
    return lastErrorDate;
  }

  String lastErrorMessage() {
    return lastErrorMessage;
  }

  void clearErrors() {
    lastErrorDate = 0;
    lastErrorMessage = null;
  }

  void stop() {
    stopped = true;
  }
}
