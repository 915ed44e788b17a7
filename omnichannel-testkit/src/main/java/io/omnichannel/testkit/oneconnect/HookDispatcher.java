package io.omnichannel.testkit.oneconnect;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts events to hooks on its own threads with the hook's back-auth, retrying a failure (no answer or a
 * non-2xx status) with doubling backoff; every attempt is journaled. Attempts of one event are sequential;
 * events are not ordered against each other once a retry happens (the real service promises no order).
 */
final class HookDispatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HookDispatcher.class);

    private final OneConnectEmulatorConfig config;
    private final Journal journal;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService httpExecutor;
    private final HttpClient http;

    HookDispatcher(OneConnectEmulatorConfig config, Journal journal) {
        this.config = config;
        this.journal = journal;
        this.scheduler = Executors.newScheduledThreadPool(4, named("oneconnect-hook"));
        this.httpExecutor = Executors.newCachedThreadPool(named("oneconnect-hook-http"));
        this.http = HttpClient.newBuilder()
                .connectTimeout(config.hookTimeout())
                .executor(httpExecutor)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    void deliver(HookRegistration hook, HookEvent event) {
        byte[] body = EventJson.body(event);
        schedule(() -> attempt(hook, event, body, 1), Duration.ZERO);
    }

    private void attempt(HookRegistration hook, HookEvent event, byte[] body, int attempt) {
        int status = -1;
        String error = null;
        try {
            HttpResponse<Void> response = http.send(request(hook, body), HttpResponse.BodyHandlers.discarding());
            status = response.statusCode();
        } catch (IOException e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        boolean delivered = status >= 200 && status < 300;
        boolean retry = !delivered && attempt < config.hookMaxAttempts();
        DeliveryAttempt.Outcome outcome = delivered ? DeliveryAttempt.Outcome.DELIVERED
                : retry ? DeliveryAttempt.Outcome.WILL_RETRY : DeliveryAttempt.Outcome.GAVE_UP;
        journal.delivery(new DeliveryAttempt(journal.nextSeq(), Clock.now(), hook.id(), hook.url(),
                event.messageId(), event.messageType(), attempt, status, error, outcome));
        LOG.debug("hook {} event {} attempt {} -> {} {}", hook.id(), event.messageId(), attempt, status, outcome);
        if (retry) {
            schedule(() -> attempt(hook, event, body, attempt + 1), backoff(attempt));
        }
    }

    private HttpRequest request(HookRegistration hook, byte[] body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(hook.url()))
                .timeout(config.hookTimeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        BackAuth auth = hook.backAuth();
        if (auth != null && auth.type() == BackAuth.Type.BASIC) {
            String pair = nullToEmpty(auth.login()) + ":" + nullToEmpty(auth.password());
            builder.header("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        } else if (auth != null && auth.type() == BackAuth.Type.BEARER) {
            builder.header("Authorization", "Bearer " + nullToEmpty(auth.token()));
        }
        return builder.build();
    }

    private Duration backoff(int failedAttempt) {
        Duration delay = config.hookInitialBackoff().multipliedBy(1L << Math.min(failedAttempt - 1, 20));
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
        scheduler.shutdownNow();
        httpExecutor.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
            httpExecutor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private static java.util.concurrent.ThreadFactory named(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
