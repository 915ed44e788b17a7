package io.omnichannel.testkit.telegram;

import io.omnichannel.testkit.support.CountedLog;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

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
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(config.url()))
            .timeout(retry.requestTimeout())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(Json.write(update.json)));
    if (config.secretToken() != null) {
      request.header("X-Telegram-Bot-Api-Secret-Token", config.secretToken());
    }
    int attempt = update.failedAttempts + 1;
    http.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding())
        .whenComplete(
            (response, failure) -> {
              String error = failure != null ? describe(failure) : describe(response.statusCode());
              int status = response == null ? 0 : response.statusCode();
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
                      status,
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
    Duration backoff = retry.backoffAfter(failedAttempts);
    try {
      scheduler.schedule(
          () -> {
            queue.retryDue(update);
            pump();
          },
          backoff.toNanos(),
          TimeUnit.NANOSECONDS);
    } catch (java.util.concurrent.RejectedExecutionException closing) {
      // the emulator is closing: nothing more to deliver
    }
  }

  private static String describe(int status) {
    if (status >= 200 && status < 300) {
      return null;
    }
    return "Wrong response from the webhook: " + status + " " + ReasonPhrases.of(status);
  }

  private static String describe(Throwable failure) {
    Throwable cause =
        failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    if (cause instanceof HttpTimeoutException) {
      return "Read timeout expired";
    }
    if (cause instanceof ConnectException) {
      return "Connection refused";
    }
    return "Connection error: " + cause.getClass().getSimpleName();
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
