package io.omnichannel.telegram;

import io.omnichannel.core.domain.Connection;
import io.omnichannel.core.domain.failure.InvalidBotToken;
import io.omnichannel.core.port.in.InboundGateway;
import io.omnichannel.core.port.in.InboundGateway.Acceptance;
import io.omnichannel.core.port.in.RawEvent;
import io.omnichannel.core.port.out.PollingLeases;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Long polling of one bot: holds the bot's lease (B3), asks getUpdates asynchronously (no thread waits on a
 * poll), hands every update to the core and confirms it by offset only after the core stored it (B1), backs
 * off on errors, and stops at once — cancelling the poll in flight.
 */
final class Poller {
  private static final Logger LOG = LoggerFactory.getLogger(Poller.class);

  private final Connection connection;
  private final Receiving deps;
  private volatile boolean stopped;
  private long offset;
  private int failures;
  private Instant renewAt = Instant.MIN;
  private CompletableFuture<List<PolledUpdate>> inFlight;
  private ScheduledFuture<?> next;

  /** What every poller of an instance shares. */
  record Receiving(BotHttp http, InboundGateway gateway, PollingLeases leases, Clock clock, String instance,
      TelegramConfig.Timeouts timeouts, ScheduledExecutorService timer, Executor workers) {}

  Poller(Connection connection, Receiving deps) {
    this.connection = connection;
    this.deps = deps;
  }

  void start() {
    schedule(Duration.ZERO);
  }

  boolean isStopped() {
    return stopped;
  }

  /** Stops polling: no further call, the poll in flight aborted, the lease given back. */
  void stop() {
    CompletableFuture<List<PolledUpdate>> poll;
    ScheduledFuture<?> pending;
    synchronized (this) {
      stopped = true;
      poll = inFlight;
      pending = next;
    }
    if (pending != null) {
      pending.cancel(false);
    }
    if (poll != null) {
      poll.cancel(true);
    }
    try {
      deps.leases().release(connection.id(), deps.instance());
    } catch (RuntimeException e) {
      LOG.warn("connection {}: releasing the polling lease failed: {}", connection.id(), Redaction.redact(e.getMessage()));
    }
  }

  private synchronized void schedule(Duration delay) {
    if (!stopped) {
      next = deps.timer().schedule(() -> deps.workers().execute(this::poll), delay.toNanos(), TimeUnit.NANOSECONDS);
    }
  }

  private void poll() {
    if (stopped) {
      return;
    }
    try {
      if (!holdsLease()) {
        schedule(deps.timeouts().leaseTtl().dividedBy(3));
        return;
      }
      CompletableFuture<List<PolledUpdate>> poll = deps.http().getUpdates(connection.token(), offset,
          (int) deps.timeouts().longPoll().toSeconds(), Receivers.ALLOWED_UPDATES);
      synchronized (this) {
        if (stopped) {
          poll.cancel(true);
          return;
        }
        inFlight = poll;
      }
      poll.whenCompleteAsync(this::answered, deps.workers());
    } catch (RuntimeException e) {
      failed(e);
    }
  }

  private boolean holdsLease() {
    Instant now = deps.clock().instant();
    if (now.isBefore(renewAt)) {
      return true;
    }
    boolean held = deps.leases().acquireOrRenew(connection.id(), deps.instance(), now, deps.timeouts().leaseTtl());
    renewAt = held ? now.plus(deps.timeouts().leaseTtl().dividedBy(3)) : Instant.MIN;
    return held;
  }

  private void answered(List<PolledUpdate> updates, Throwable error) {
    if (stopped) {
      return;
    }
    Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    if (cause instanceof CancellationException) {
      return;
    }
    if (cause != null) {
      failed(cause);
      return;
    }
    try {
      for (PolledUpdate update : updates) {
        if (stopped) {
          return;
        }
        RawEvent raw = new RawEvent(Long.toString(update.updateId()), update.chatKey(), update.payload());
        Acceptance acceptance = deps.gateway().acceptPolledUpdate(connection.id(), raw);
        if (acceptance == Acceptance.UNKNOWN_CONNECTION) {
          LOG.warn("connection {}: unknown to the core, polling stops", connection.id());
          stop();
          return;
        }
        offset = update.updateId() + 1;
      }
      failures = 0;
      schedule(Duration.ZERO);
    } catch (Exception e) {
      failed(e);
    }
  }

  private void failed(Throwable cause) {
    failures++;
    Duration min = deps.timeouts().backoffMin();
    Duration max = deps.timeouts().backoffMax();
    Duration wait = cause instanceof InvalidBotToken ? max
        : min.multipliedBy(1L << Math.min(20, failures - 1));
    if (wait.compareTo(max) > 0) {
      wait = max;
    }
    LOG.warn("connection {} bot {}: polling failed ({} in a row), next try in {} ms: {}", connection.id(),
        connection.bot().id(), failures, wait.toMillis(), Redaction.redact(String.valueOf(cause.getMessage())));
    schedule(wait);
  }
}
