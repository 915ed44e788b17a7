package io.omnichannel.testkit.max;

import io.omnichannel.testkit.support.CountedLog;
import io.omnichannel.testkit.support.WebhookPost;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Posts one bot's updates to its subscription: one Update per POST, {@code X-Max-Bot-Api-Secret}
 * when a secret was set, only 200 counts as delivered. Updates of one chat go one at a time in
 * order (the next after the previous got 200 or was given up); chats in parallel. After {@code
 * maxRetries} failed retries of one update the bot is unsubscribed (MAX: after 8 h) and what was
 * queued is dropped.
 */
final class WebhookDispatcher {
  static final String SECRET_HEADER = "X-Max-Bot-Api-Secret";

  private final UpdateLog log;
  private final HttpClient http;
  private final ScheduledExecutorService scheduler;
  private final MaxWebhookRetry retry;
  private final CountedLog<MaxWebhookDelivery> deliveries;
  private final Map<Long, ArrayDeque<Job>> queues = new HashMap<>();
  private volatile boolean stopped;

  private record Job(UpdateLog.Subscription subscription, UpdateLog.Entry entry) {}

  WebhookDispatcher(
      UpdateLog log,
      HttpClient http,
      ScheduledExecutorService scheduler,
      MaxWebhookRetry retry,
      int kept) {
    this.log = log;
    this.http = http;
    this.scheduler = scheduler;
    this.retry = retry;
    this.deliveries = new CountedLog<>(kept);
    log.webhookSink(this::enqueue);
  }

  private void enqueue(UpdateLog.Subscription subscription, UpdateLog.Entry entry) {
    Job start = null;
    synchronized (this) {
      ArrayDeque<Job> queue = queues.computeIfAbsent(entry.chatKey(), k -> new ArrayDeque<>());
      queue.addLast(new Job(subscription, entry));
      if (queue.size() == 1) {
        start = queue.peekFirst();
      }
    }
    if (start != null) {
      send(start, 1);
    }
  }

  private void send(Job job, int attempt) {
    if (stopped) {
      return;
    }
    UpdateLog.Subscription current = log.subscription();
    if (current == null || !current.url().equals(job.subscription().url())) {
      dropChat(job.entry().chatKey());
      return;
    }
    String body = Json.write(job.entry().json());
    WebhookPost.send(
            http,
            current.url(),
            retry.requestTimeout(),
            "application/json; charset=utf-8",
            body,
            SECRET_HEADER,
            current.secret())
        .thenAccept(
            outcome -> {
              int status = outcome.status();
              String error =
                  outcome.failure() != null
                      ? outcome.failure()
                      : status == 200 ? null : "HTTP status " + status;
              MaxWebhookDelivery record =
                  new MaxWebhookDelivery(
                      job.entry().type(),
                      attempt,
                      current.url(),
                      current.secret(),
                      status,
                      error,
                      body,
                      Instant.now());
              if (error == null) {
                Job next = advance(job);
                deliveries.append(record);
                if (next != null) {
                  send(next, 1);
                }
              } else if (attempt > retry.maxRetries()) {
                log.unsubscribeIfCurrent(current);
                dropChat(job.entry().chatKey());
                deliveries.append(record);
              } else {
                deliveries.append(record);
                schedule(job, attempt + 1, retry.waitBeforeRetry(attempt));
              }
            });
  }

  private void schedule(Job job, int attempt, Duration wait) {
    if (!stopped) {
      WebhookPost.later(scheduler, wait, () -> send(job, attempt));
    }
  }

  private synchronized Job advance(Job done) {
    ArrayDeque<Job> queue = queues.get(done.entry().chatKey());
    if (queue == null) {
      return null;
    }
    queue.pollFirst();
    if (queue.isEmpty()) {
      queues.remove(done.entry().chatKey());
      return null;
    }
    return queue.peekFirst();
  }

  private synchronized void dropChat(long chatKey) {
    queues.remove(chatKey);
  }

  CountedLog<MaxWebhookDelivery> deliveries() {
    return deliveries;
  }

  void stop() {
    stopped = true;
  }
}
