package io.omnichannel.telegram;

import io.omnichannel.core.domain.BotAccess;
import io.omnichannel.core.domain.ConnectionId;
import io.omnichannel.core.domain.failure.InvalidBotToken;
import io.omnichannel.core.port.in.InboundGateway;
import io.omnichannel.core.port.in.InboundGateway.Acceptance;
import io.omnichannel.core.port.in.RawEvent;
import io.omnichannel.core.port.out.PollingLeases;
import java.time.Clock;
import java.time.Duration;
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
import org.slf4j.MDC;

/**
 * Long polling of one bot: holds the bot's lease (B3, renewed on a timer apart from the polls, so a
 * long poll never outlives it), asks getUpdates asynchronously (no thread waits on a poll), hands
 * every update to the core and confirms it by offset only after the core stored it (B1), backs off
 * on errors, and stops at once — cancelling the poll in flight.
 *
 * <p>Two getUpdates start at least {@link #MIN_SPACING} apart, whatever the server does: a Bot API
 * implementation that answers at once instead of holding the long poll (or fails at once) would
 * otherwise be asked hundreds of times a second.
 */
final class Poller {
  private static final Logger LOG = LoggerFactory.getLogger(Poller.class);

  /** At most two getUpdates per second per bot. */
  static final Duration MIN_SPACING = Duration.ofMillis(500);

  private final ConnectionId connection;
  private final BotAccess bot;
  private final Receiving deps;
  private volatile boolean stopped;
  private long offset;

  /** The offset the last getUpdates carried: Telegram confirms the updates below it. */
  private long confirmedOffset;

  private int failures;
  private volatile boolean holding;
  private ScheduledFuture<?> renewal;
  private CompletableFuture<List<PolledUpdate>> inFlight;
  private ScheduledFuture<?> next;
  private long lastPollStarted = System.nanoTime() - MIN_SPACING.toNanos();

  /** What every poller of an instance shares. */
  record Receiving(
      BotHttp http,
      InboundGateway gateway,
      PollingLeases leases,
      Clock clock,
      String instance,
      TelegramConfig.Timeouts timeouts,
      ScheduledExecutorService timer,
      Executor workers) {}

  Poller(ConnectionId connection, BotAccess bot, Receiving deps) {
    this.connection = connection;
    this.bot = bot;
    this.deps = deps;
  }

  /** Renews the lease every third of its time; polling runs only while it is held. */
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
      unconfirmed = holding && offset > confirmedOffset;
    }
    if (unconfirmed) {
      confirmStored();
    }
    try {
      deps.leases().release(connection, deps.instance());
    } catch (RuntimeException e) {
      LOG.warn(
          "connection {}: releasing the polling lease failed: {}",
          connection,
          Redaction.redact(e.getMessage()));
    }
  }

  /**
   * Stored updates are confirmed by the next getUpdates' offset; with polling spaced out, a stop
   * can come before it, and Telegram would hand them out again on the next start. One short call
   * with that offset confirms them; what it answers is left unconfirmed for whoever polls next.
   */
  private void confirmStored() {
    try {
      deps.http()
          .getUpdates(bot.token(), offset, 0, Receivers.ALLOWED_UPDATES)
          .get(deps.timeouts().request().toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      // the updates come again at the next start, where the inbox drops them as duplicates
      LOG.debug(
          "connection {}: confirming the last updates failed: {}",
          connection,
          Redaction.redact(String.valueOf(e.getMessage())));
    }
  }

  /** Cancels the next poll and aborts the one in flight. */
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
                  connection, deps.instance(), deps.clock().instant(), deps.timeouts().leaseTtl());
    } catch (RuntimeException e) {
      // not knowing is treated as not holding: two pollers of one bot would fight with 409s
      LOG.warn(
          "connection {}: polling lease not renewed: {}",
          connection,
          Redaction.redact(e.getMessage()));
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
            connection,
            bot.bot(),
            deps.instance());
        schedule(Duration.ZERO);
      } else {
        LOG.info("connection {} bot {}: polling lease lost, polling paused", connection, bot.bot());
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
    synchronized (this) {
      if (stopped || !holding) {
        return;
      }
      lastPollStarted = System.nanoTime();
      confirmedOffset = offset;
    }
    try {
      CompletableFuture<List<PolledUpdate>> poll =
          deps.http()
              .getUpdates(
                  bot.token(),
                  offset,
                  (int) deps.timeouts().longPoll().toSeconds(),
                  Receivers.ALLOWED_UPDATES);
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

  private void answered(List<PolledUpdate> updates, Throwable error) {
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
      for (PolledUpdate update : updates) {
        if (stopped) {
          return;
        }
        RawEvent raw =
            new RawEvent(Long.toString(update.updateId()), update.chatKey(), update.payload());
        Acceptance acceptance;
        // correlation ids for what is logged while the update is stored (keys as the launcher's)
        MDC.put("connection", connection.value());
        MDC.put("update_id", raw.sourceId());
        try {
          acceptance = deps.gateway().acceptPolledUpdate(connection, raw);
        } finally {
          MDC.remove("connection");
          MDC.remove("update_id");
        }
        if (acceptance == Acceptance.UNKNOWN_CONNECTION) {
          LOG.warn("connection {}: unknown to the core, polling stops", connection);
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
    Duration wait =
        cause instanceof InvalidBotToken ? max : min.multipliedBy(1L << Math.min(20, failures - 1));
    if (wait.compareTo(max) > 0) {
      wait = max;
    }
    LOG.warn(
        "connection {} bot {}: polling failed ({} in a row), next try in {} ms: {}",
        connection,
        bot.bot(),
        failures,
        wait.toMillis(),
        Redaction.redact(String.valueOf(cause.getMessage())));
    schedule(wait);
  }
}
