package io.omnichannel.testkit.oneconnect;

import io.omnichannel.testkit.support.Waiting;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts events to hooks on its own threads with the hook's back-auth, retrying a failure (no answer
 * or a non-2xx status) with doubling backoff; every attempt is journaled. Each hook gets its events
 * one at a time and in order (see {@link Lane}); different hooks are served in parallel.
 */
final class HookDispatcher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HookDispatcher.class);

  private final OneConnectEmulatorConfig config;
  private final Journal journal;
  private final ScheduledExecutorService scheduler;
  private final ExecutorService httpExecutor;
  private final HttpClient http;
  private final Map<String, Lane> lanes = new ConcurrentHashMap<>();

  HookDispatcher(OneConnectEmulatorConfig config, Journal journal) {
    this.config = config;
    this.journal = journal;
    this.scheduler = Executors.newScheduledThreadPool(4, Waiting.daemonThreads("oneconnect-hook"));
    this.httpExecutor =
        Executors.newCachedThreadPool(Waiting.daemonThreads("oneconnect-hook-http"));
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(config.hookTimeout())
            .executor(httpExecutor)
            .version(HttpClient.Version.HTTP_1_1)
            .build();
  }

  void deliver(HookRegistration hook, HookEvent event) {
    lanes
        .computeIfAbsent(hook.id(), id -> new Lane())
        .offer(new Pending(hook, event, EventJson.body(event, hook.type())));
  }

  /** One event on its way to one hook; {@code attempts} is touched only by its lane's runner. */
  private static final class Pending {
    final HookRegistration hook;
    final HookEvent event;
    final byte[] body;
    int attempts;

    Pending(HookRegistration hook, HookEvent event, byte[] body) {
      this.hook = hook;
      this.event = event;
      this.body = body;
    }
  }

  /**
   * The queue of one hook: one delivery at a time, in order; a failed event is retried (after its
   * backoff) before later ones, so a hook sees events in the order they happened.
   */
  private final class Lane {
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private boolean running;

    void offer(Pending pending) {
      synchronized (this) {
        queue.addLast(pending);
        if (running) {
          return;
        }
        running = true;
      }
      schedule(this::deliverHead, Duration.ZERO);
    }

    private void deliverHead() {
      Pending head;
      synchronized (this) {
        head = queue.peekFirst();
      }
      Duration retryAfter = attempt(head);
      if (retryAfter != null) {
        schedule(this::deliverHead, retryAfter);
        return;
      }
      synchronized (this) {
        queue.removeFirst();
        if (queue.isEmpty()) {
          running = false;
          return;
        }
      }
      schedule(this::deliverHead, Duration.ZERO);
    }
  }

  /** Posts once and journals the attempt; answers the delay before a retry, or null when done. */
  private Duration attempt(Pending pending) {
    int attempt = ++pending.attempts;
    int status = -1;
    String error = null;
    try {
      HttpResponse<Void> response =
          http.send(request(pending.hook, pending.body), HttpResponse.BodyHandlers.discarding());
      status = response.statusCode();
    } catch (IOException e) {
      error = e.getClass().getSimpleName() + ": " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
    boolean delivered = status >= 200 && status < 300;
    boolean retry = !delivered && attempt < config.hookMaxAttempts();
    DeliveryAttempt.Outcome outcome =
        delivered
            ? DeliveryAttempt.Outcome.DELIVERED
            : retry ? DeliveryAttempt.Outcome.WILL_RETRY : DeliveryAttempt.Outcome.GAVE_UP;
    HookEvent event = pending.event;
    journal.delivery(
        new DeliveryAttempt(
            journal.nextSeq(),
            PushApiTime.now(),
            pending.hook.id(),
            pending.hook.url(),
            event.messageId(),
            event.messageType(),
            attempt,
            status,
            error,
            outcome));
    LOG.debug(
        "hook {} event {} attempt {} -> {} {}",
        pending.hook.id(),
        event.messageId(),
        attempt,
        status,
        outcome);
    return retry ? backoff(attempt) : null;
  }

  private HttpRequest request(HookRegistration hook, byte[] body) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(hook.url()))
            .timeout(config.hookTimeout())
            .header("Content-Type", "application/json; charset=utf-8")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    BackAuth auth = hook.backAuth();
    if (auth != null && auth.type() == BackAuth.Type.BASIC) {
      String pair = nullToEmpty(auth.login()) + ":" + nullToEmpty(auth.password());
      builder.header(
          "Authorization",
          "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    } else if (auth != null && auth.type() == BackAuth.Type.BEARER) {
      builder.header("Authorization", "Bearer " + nullToEmpty(auth.token()));
    }
    return builder.build();
  }

  private Duration backoff(int failedAttempt) {
    Duration delay =
        config.hookInitialBackoff().multipliedBy(1L << Math.min(failedAttempt - 1, 20));
    return delay.compareTo(config.hookMaxBackoff()) > 0 ? config.hookMaxBackoff() : delay;
  }

  private void schedule(Runnable task, Duration delay) {
    try {
      scheduler.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException closed) {
      LOG.debug("emulator closed, hook delivery dropped");
    }
  }

  @Override
  public void close() {
    Waiting.shutDown(scheduler, httpExecutor);
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }
}
