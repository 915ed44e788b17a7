package io.omnichannel.max;

import io.omnichannel.core.domain.failure.InvalidBotToken;
import io.omnichannel.core.port.in.InboundGateway;
import io.omnichannel.core.port.in.InboundGateway.Acceptance;
import io.omnichannel.core.port.in.RawEvent;
import io.omnichannel.core.port.out.PollingLeases;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Long polling of one MAX bot: holds the bot's lease (B3, renewed on a timer apart from the polls),
 * asks {@code GET /updates} asynchronously, hands every update to the core under its stable key and
 * sends the answer's {@code marker} (which confirms everything before it) only once the core stored
 * the whole batch (B1); backs off on errors and stops at once, cancelling the poll in flight.
 *
 * <p>Two polls start at least {@link #MIN_SPACING} apart: MAX allows 2 requests/s of long polling.
 */
final class Poller {
  private static final Logger LOG = LoggerFactory.getLogger(Poller.class);

  /**
   * Below two {@code GET /updates} per second per bot, with a margin: two polls started 500 ms
   * apart here may arrive closer together there.
   */
  static final Duration MIN_SPACING = Duration.ofMillis(600);

  private final Bot bot;
  private final Receiving deps;
  private volatile boolean stopped;

  /** The marker to send: MAX counts everything before it as read. Empty until MAX gave one. */
  private OptionalLong marker = OptionalLong.empty();

  /** The marker the last poll carried: MAX has confirmed what came before it. */
  private OptionalLong confirmed = OptionalLong.empty();

  private int failures;
  private volatile boolean holding;
  private ScheduledFuture<?> renewal;
  private CompletableFuture<PolledBatch> inFlight;
  private ScheduledFuture<?> next;
  private long lastPollStarted = System.nanoTime() - MIN_SPACING.toNanos();

  /** What every poller of an instance shares. */
  record Receiving(
      MaxHttp http,
      InboundGateway gateway,
      PollingLeases leases,
      Clock clock,
      String instance,
      MaxConfig.Timeouts timeouts,
      List<String> types,
      ScheduledExecutorService timer,
      Executor workers) {}

  Poller(Bot bot, Receiving deps) {
    this.bot = bot;
    this.deps = deps;
  }

  void start() {
    Duration every = deps.timeouts().leaseTtl().dividedBy(3);
    synchronized (this) {
      renewal =
          deps.timer()
              .scheduleAtFixedRate(
                  () -> deps.workers().execute(this::renew),
                  0,
                  every.toNanos(),
                  TimeUnit.NANOSECONDS);
    }
  }

  boolean isStopped() {
    return stopped;
  }

  /**
   * Stops polling: no further call, the poll in flight aborted, the updates stored since the last
   * poll confirmed, the lease given back.
   */
  void stop() {
    boolean unconfirmed;
    synchronized (this) {
      stopped = true;
      if (renewal != null) {
        renewal.cancel(false);
      }
      haltPolling();
      unconfirmed = holding && marker.isPresent() && !marker.equals(confirmed);
    }
    if (unconfirmed) {
      confirmStored();
    }
    try {
      deps.leases().release(bot.connection(), deps.instance());
    } catch (RuntimeException e) {
      LOG.warn(
          "connection {}: releasing the polling lease failed: {}",
          bot.connection(),
          Redaction.redact(e.getMessage(), bot.token()));
    }
  }

  /**
   * Stored updates are confirmed by the next poll's marker; a stop can come before it, and MAX
   * would hand them out again. One poll without waiting, with that marker, confirms them; what it
   * answers stays unconfirmed for whoever polls next.
   */
  private void confirmStored() {
    try {
      deps.http()
          .updates(bot.token(), marker, 0, deps.types())
          .get(deps.timeouts().request().toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      // they come again at the next start, where the inbox drops them as duplicates
      LOG.debug(
          "connection {}: confirming the last updates failed: {}",
          bot.connection(),
          Redaction.redact(String.valueOf(e.getMessage()), bot.token()));
    }
  }

  private synchronized void haltPolling() {
    if (next != null) {
      next.cancel(false);
    }
    if (inFlight != null) {
      inFlight.cancel(true);
    }
  }

  private void renew() {
    if (stopped) {
      return;
    }
    boolean held;
    try {
      held =
          deps.leases()
              .acquireOrRenew(
                  bot.connection(),
                  deps.instance(),
                  deps.clock().instant(),
                  deps.timeouts().leaseTtl());
    } catch (RuntimeException e) {
      LOG.warn(
          "connection {}: polling lease not renewed: {}",
          bot.connection(),
          Redaction.redact(e.getMessage(), bot.token()));
      held = false;
    }
    synchronized (this) {
      if (stopped || held == holding) {
        return;
      }
      holding = held;
      if (held) {
        LOG.info(
            "connection {} bot {}: polling lease taken by {}",
            bot.connection(),
            bot.id(),
            deps.instance());
        schedule(Duration.ZERO);
      } else {
        LOG.info(
            "connection {} bot {}: polling lease lost, polling paused", bot.connection(), bot.id());
        haltPolling();
      }
    }
  }

  private synchronized void schedule(Duration delay) {
    if (!stopped && holding) {
      long spacing = lastPollStarted + MIN_SPACING.toNanos() - System.nanoTime();
      next =
          deps.timer()
              .schedule(
                  () -> deps.workers().execute(this::poll),
                  Math.max(delay.toNanos(), spacing),
                  TimeUnit.NANOSECONDS);
    }
  }

  private void poll() {
    OptionalLong from;
    synchronized (this) {
      if (stopped || !holding) {
        return;
      }
      lastPollStarted = System.nanoTime();
      from = marker;
      confirmed = marker;
    }
    try {
      CompletableFuture<PolledBatch> poll =
          deps.http()
              .updates(
                  bot.token(), from, (int) deps.timeouts().longPoll().toSeconds(), deps.types());
      synchronized (this) {
        if (stopped || !holding) {
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

  private void answered(PolledBatch batch, Throwable error) {
    if (stopped || !holding) {
      return;
    }
    Throwable cause =
        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    if (cause instanceof CancellationException) {
      return;
    }
    if (cause != null) {
      failed(cause);
      return;
    }
    try {
      for (PolledBatch.Polled update : batch.updates()) {
        if (stopped) {
          return;
        }
        if (update.sourceId().isEmpty()) {
          LOG.warn("connection {}: an update without type or time skipped", bot.connection());
          continue;
        }
        RawEvent raw = new RawEvent(update.sourceId().get(), update.chatKey(), update.payload());
        Acceptance acceptance;
        MDC.put("connection", bot.connection().value());
        MDC.put("update_id", raw.sourceId());
        try {
          acceptance = deps.gateway().acceptPolledUpdate(bot.connection(), raw);
        } finally {
          MDC.remove("connection");
          MDC.remove("update_id");
        }
        if (acceptance == Acceptance.UNKNOWN_CONNECTION) {
          LOG.warn("connection {}: unknown to the core, polling stops", bot.connection());
          stop();
          return;
        }
      }
      synchronized (this) {
        // the whole batch is stored: the next poll may confirm it
        if (batch.marker().isPresent()) {
          marker = batch.marker();
        }
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
    Duration wait =
        cause instanceof InvalidBotToken ? max : min.multipliedBy(1L << Math.min(20, failures - 1));
    if (wait.compareTo(max) > 0) {
      wait = max;
    }
    LOG.warn(
        "connection {} bot {}: polling failed ({} in a row), next try in {} ms: {}",
        bot.connection(),
        bot.id(),
        failures,
        wait.toMillis(),
        Redaction.redact(String.valueOf(cause.getMessage()), bot.token()));
    schedule(wait);
  }
}
