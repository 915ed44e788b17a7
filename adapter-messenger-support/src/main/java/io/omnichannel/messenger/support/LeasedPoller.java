package io.omnichannel.messenger.support;

import io.omnichannel.core.domain.failure.InvalidBotToken;
import io.omnichannel.core.port.in.InboundGateway.Acceptance;
import io.omnichannel.core.port.in.RawEvent;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Long polling of one bot: holds the bot's lease (B3, renewed on a timer apart from the polls, so a
 * long poll never outlives it), polls asynchronously (no thread waits on a poll), hands every
 * update to the core and moves the cursor that confirms it only after the core stored it (B1),
 * backs off on errors, and stops at once — cancelling the poll in flight.
 *
 * <p>Two polls start at least {@link PollTimings#minSpacing()} apart, whatever the server does: a
 * server that answers at once instead of holding the long poll (or fails at once) would otherwise
 * be asked hundreds of times a second.
 */
final class LeasedPoller {
  private static final Logger LOG = LoggerFactory.getLogger(LeasedPoller.class);

  private final PolledBot bot;
  private final LeasedPollers.Receiving deps;
  private volatile boolean stopped;

  /** The cursor the next poll sends: it confirms every update stored so far. */
  private OptionalLong cursor = OptionalLong.empty();

  /** The cursor the last poll carried: the messenger has confirmed what came before it. */
  private OptionalLong confirmed = OptionalLong.empty();

  private int failures;
  private volatile boolean holding;
  private ScheduledFuture<?> renewal;
  private CompletableFuture<PolledBot.Answer> inFlight;
  private ScheduledFuture<?> next;
  private long lastPollStarted;

  LeasedPoller(PolledBot bot, LeasedPollers.Receiving deps) {
    this.bot = bot;
    this.deps = deps;
    this.lastPollStarted = System.nanoTime() - deps.timings().minSpacing().toNanos();
  }

  /** Renews the lease every third of its time; polling runs only while it is held. */
  void start() {
    Duration every = deps.timings().leaseTtl().dividedBy(3);
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
      unconfirmed = holding && cursor.isPresent() && !cursor.equals(confirmed);
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
          redact(e.getMessage()));
    }
  }

  /**
   * Stored updates are confirmed by the next poll's cursor; with polling spaced out, a stop can
   * come before it, and the messenger would hand them out again on the next start. One poll without
   * waiting, with that cursor, confirms them; what it answers stays unconfirmed for whoever polls
   * next.
   */
  private void confirmStored() {
    OptionalLong last;
    synchronized (this) {
      last = cursor;
    }
    try {
      bot.feed().poll(last, 0).get(deps.timings().request().toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      // the updates come again at the next start, where the inbox drops them as duplicates
      LOG.debug(
          "connection {}: confirming the last updates failed: {}",
          bot.connection(),
          redact(String.valueOf(e.getMessage())));
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
                  bot.connection(),
                  deps.instance(),
                  deps.clock().instant(),
                  deps.timings().leaseTtl());
    } catch (RuntimeException e) {
      // not knowing is treated as not holding: two pollers of one bot would fight (409s and more)
      LOG.warn(
          "connection {}: polling lease not renewed: {}", bot.connection(), redact(e.getMessage()));
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
            bot.name(),
            deps.instance());
        schedule(Duration.ZERO);
      } else {
        LOG.info(
            "connection {} bot {}: polling lease lost, polling paused",
            bot.connection(),
            bot.name());
        haltPolling();
      }
    }
  }

  private synchronized void schedule(Duration delay) {
    if (!stopped && holding) {
      long spacing = lastPollStarted + deps.timings().minSpacing().toNanos() - System.nanoTime();
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
      from = cursor;
      confirmed = cursor;
    }
    try {
      CompletableFuture<PolledBot.Answer> poll =
          bot.feed().poll(from, (int) deps.timings().longPoll().toSeconds());
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

  private void answered(PolledBot.Answer answer, Throwable error) {
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
      for (PolledBot.Update update : answer.updates()) {
        if (stopped) {
          return;
        }
        if (update.sourceId().isEmpty()) {
          LOG.warn("connection {}: an update without a key skipped", bot.connection());
          continue;
        }
        if (!accepted(new RawEvent(update.sourceId().get(), update.chatKey(), update.payload()))) {
          return;
        }
        if (update.next().isPresent()) {
          synchronized (this) {
            cursor = update.next();
          }
        }
      }
      if (answer.cursor().isPresent()) {
        synchronized (this) {
          // the whole answer is stored: the next poll may confirm it
          cursor = answer.cursor();
        }
      }
      failures = 0;
      schedule(Duration.ZERO);
    } catch (Exception e) {
      failed(e);
    }
  }

  /** Hands one update to the core; false when the core no longer knows the connection. */
  private boolean accepted(RawEvent raw) {
    Acceptance acceptance;
    // correlation ids for what is logged while the update is stored (keys as the launcher's)
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
      return false;
    }
    return true;
  }

  private void failed(Throwable cause) {
    failures++;
    Duration min = deps.timings().backoffMin();
    Duration max = deps.timings().backoffMax();
    Duration wait =
        cause instanceof InvalidBotToken ? max : min.multipliedBy(1L << Math.min(20, failures - 1));
    if (wait.compareTo(max) > 0) {
      wait = max;
    }
    LOG.warn(
        "connection {} bot {}: polling failed ({} in a row), next try in {} ms: {}",
        bot.connection(),
        bot.name(),
        failures,
        wait.toMillis(),
        redact(String.valueOf(cause.getMessage())));
    schedule(wait);
  }

  private String redact(String text) {
    return bot.redaction().apply(text);
  }
}
