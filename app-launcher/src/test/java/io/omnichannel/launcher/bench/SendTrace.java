package io.omnichannel.launcher.bench;

import io.omnichannel.core.domain.OutboxMessage;
import io.omnichannel.core.domain.SendingWindow;
import io.omnichannel.core.domain.SlotClaim;
import io.omnichannel.core.port.out.Claimed;
import io.omnichannel.core.port.out.ClosedSenders;
import io.omnichannel.core.port.out.Outbox;
import io.omnichannel.core.port.out.SendingBudget;
import io.omnichannel.launcher.work.ForwardingQueue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/**
 * Where the shared pacing benchmark's time goes: every budget claim and settle, every outbox claim
 * and postponement of both instances, recorded as they happen and summed up at the end — when each
 * instance first sent, how long a send held its slots (from its claim to its return), how late a
 * postponed row was claimed again after it became due, how the claims split between the instances,
 * each bot's pace window after window, the first 700 ms 50 ms by 50 ms (grants and waits by bot,
 * row claims), and the story of the three rows claimed latest after they were due (each claim and
 * postponement, in ms from the start).
 */
final class SendTrace {
  /** A send's slots: asked for at {@code claimed}, had at {@code granted}, its call returned. */
  record Grant(
      String instance, String bot, int lane, Instant claimed, Instant granted, Instant ended) {}

  /** A claim granted, not settled yet: when it was asked for and had. */
  private record Asked(String instance, String bot, Instant claimed, Instant granted) {}

  private record Postponed(Instant due) {}

  /** A row sent (completed) to its chat. */
  private record Sent(long row, String chat, Instant at) {}

  private volatile Instant started = Instant.EPOCH;
  private final Map<SlotClaim.Granted, Asked> inFlight = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<Grant> grants = new ConcurrentLinkedQueue<>();

  /** A budget wait on a bot's window: when, by which instance, until when. */
  private record BotWait(String instance, String bot, Instant at, Instant opensAt) {}

  private final ConcurrentLinkedQueue<BotWait> botWaits = new ConcurrentLinkedQueue<>();

  /** The send each worker settled last: a pause right after it means a 429 answered it. */
  private final ThreadLocal<Grant> lastSettled = new ThreadLocal<>();

  private final ConcurrentLinkedQueue<Grant> refused = new ConcurrentLinkedQueue<>();
  private final Map<Long, Postponed> postponed = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<Long> wakeLatencyMicros = new ConcurrentLinkedQueue<>();
  private final Map<String, Integer> rowClaims = new ConcurrentHashMap<>();
  private final Map<String, Integer> waits = new ConcurrentHashMap<>();
  private final Map<String, Integer> lostRaces = new ConcurrentHashMap<>();
  private final Map<String, Integer> postponements = new ConcurrentHashMap<>();
  private final Set<Long> rePostponable = ConcurrentHashMap.newKeySet();
  private final AtomicInteger postponedAgain = new AtomicInteger();

  /** Each row's claims and postponements as they happen (the latest claimed rows' are told). */
  private final Map<Long, ConcurrentLinkedQueue<String>> rowHistory = new ConcurrentHashMap<>();

  private final Map<Long, Long> worstWaitMicros = new ConcurrentHashMap<>();
  private final Map<String, Integer> passesOver = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<Sent> completed = new ConcurrentLinkedQueue<>();

  private long sinceStart(Instant at) {
    return Duration.between(started, at).toMillis();
  }

  private void history(long row, String event) {
    rowHistory.computeIfAbsent(row, id -> new ConcurrentLinkedQueue<>()).add(event);
  }

  /** Counts the times each instance is told to pass over a full bot. */
  ClosedSenders closedSenders(String instance, ClosedSenders closed) {
    return (connection, openings) -> {
      passesOver.merge(instance, 1, Integer::sum);
      closed.closedUntil(connection, openings);
    };
  }

  /** What happened in each 50 ms of the run's first 700 ms, as "ms what". */
  private final ConcurrentLinkedQueue<String> ramp = new ConcurrentLinkedQueue<>();

  private static final int RAMP_MS = 700;
  private static final int RAMP_STEP_MS = 50;

  /** A budget grant or wait (by bot) or a row claim (or none found) early in the run. */
  private void rampEvent(String what) {
    long ms = Duration.between(started, Instant.now()).toMillis();
    if (ms < RAMP_MS) {
      ramp.add(ms / RAMP_STEP_MS * RAMP_STEP_MS + " " + what);
    }
  }

  /** The bot's number in a window key "telegram:7000000001": its last digits. */
  private static String botOf(List<SendingWindow> windows) {
    String key = windows.get(0).key();
    return key.substring(Math.max(0, key.length() - 3));
  }

  /** Starts the measured run: what was recorded before it (the warm-up) is forgotten. */
  void start(Instant now) {
    started = now;
    inFlight.clear();
    grants.clear();
    botWaits.clear();
    refused.clear();
    postponed.clear();
    wakeLatencyMicros.clear();
    rowClaims.clear();
    waits.clear();
    lostRaces.clear();
    postponements.clear();
    rePostponable.clear();
    postponedAgain.set(0);
    rowHistory.clear();
    completed.clear();
    worstWaitMicros.clear();
    passesOver.clear();
    ramp.clear();
  }

  SendingBudget budget(String instance, SendingBudget budget) {
    return new SendingBudget() {
      @Override
      public SlotClaim claim(
          List<SendingWindow> windows, int count, Instant now, Instant heldUntil) {
        SlotClaim claim = budget.claim(windows, count, now, heldUntil);
        rampEvent((claim instanceof SlotClaim.Granted ? "grant " : "wait ") + botOf(windows));
        if (claim instanceof SlotClaim.Granted granted) {
          inFlight.put(granted, new Asked(instance, windows.get(0).key(), now, Instant.now()));
        } else if (claim instanceof SlotClaim.Wait wait) {
          waits.merge(instance, 1, Integer::sum);
          if (!wait.firstOpenings().isEmpty()) {
            botWaits.add(new BotWait(instance, windows.get(0).key(), now, wait.opensAt()));
          }
          if (!wait.opensAt().isAfter(now)) {
            lostRaces.merge(instance, 1, Integer::sum);
          }
        }
        return claim;
      }

      @Override
      public void settle(SlotClaim.Granted granted, Instant ended) {
        budget.settle(granted, ended);
        Asked asked = inFlight.remove(granted);
        Grant grant =
            new Grant(
                asked.instance(),
                asked.bot(),
                granted.slots().get(0).lane(),
                asked.claimed(),
                asked.granted(),
                ended);
        grants.add(grant);
        lastSettled.set(grant);
      }

      @Override
      public void pauseUntil(List<SendingWindow> windows, Instant until) {
        if (lastSettled.get() != null) {
          refused.add(lastSettled.get());
        }
        budget.pauseUntil(windows, until);
      }
    };
  }

  Outbox outbox(String instance, Outbox outbox) {
    return new RecordingOutbox(instance, outbox);
  }

  private final class RecordingOutbox extends ForwardingQueue<OutboxMessage> implements Outbox {
    private final String instance;
    private final Outbox outbox;

    RecordingOutbox(String instance, Outbox outbox) {
      super(outbox);
      this.instance = instance;
      this.outbox = outbox;
    }

    @Override
    public Optional<Claimed<OutboxMessage>> claimNext(Instant now, Duration lease) {
      var claimed = super.claimNext(now, lease);
      rampEvent(claimed.isPresent() ? "row" : "empty");
      claimed.ifPresent(
          row -> {
            rowClaims.merge(instance, 1, Integer::sum);
            history(row.id(), sinceStart(now) + " claimed by " + instance);
            Postponed was = postponed.remove(row.id());
            if (was != null) {
              rePostponable.add(row.id());
              long late = Duration.between(was.due(), now).toNanos() / 1_000;
              wakeLatencyMicros.add(late);
              worstWaitMicros.merge(row.id(), late, Math::max);
            }
          });
      return claimed;
    }

    @Override
    public void postpone(Claimed<OutboxMessage> claimed, Instant next, String reason) {
      super.postpone(claimed, next, reason);
      postponements.merge(instance, 1, Integer::sum);
      history(
          claimed.id(),
          sinceStart(Instant.now()) + " postponed by " + instance + " to " + sinceStart(next));
      if (rePostponable.remove(claimed.id())) {
        postponedAgain.incrementAndGet();
      }
      postponed.put(claimed.id(), new Postponed(next));
    }

    @Override
    public void complete(Claimed<OutboxMessage> claimed) {
      super.complete(claimed);
      Instant now = Instant.now();
      history(claimed.id(), sinceStart(now) + " sent to chat " + claimed.item().chat().value());
      completed.add(new Sent(claimed.id(), claimed.item().chat().value(), now));
    }

    @Override
    public void enqueue(OutboxMessage message) {
      outbox.enqueue(message);
    }

    @Override
    public void holdFollowing(Claimed<OutboxMessage> sent, Instant notBefore) {
      outbox.holdFollowing(sent, notBefore);
      history(
          sent.id(),
          sinceStart(Instant.now())
              + " emptied chat "
              + sent.item().chat().value()
              + "'s bucket: its next rows held back to "
              + sinceStart(notBefore));
    }
  }

  /** The breakdown, line by line. */
  List<String> breakdown(int perWindow, Duration window) {
    List<String> lines = new ArrayList<>();
    List<Grant> all = new ArrayList<>(grants);
    Map<String, List<Grant>> byInstance =
        all.stream()
            .collect(Collectors.groupingBy(Grant::instance, TreeMap::new, Collectors.toList()));
    byInstance.forEach(
        (instance, sent) ->
            lines.add(
                String.format(
                    Locale.ROOT,
                    "%s: first send claimed %d ms after the start; %d sends, %d row claims, %d"
                        + " budget waits (%d lost races), %d postponements, %d times a full bot"
                        + " passed over",
                    instance,
                    sent.stream()
                        .map(g -> Duration.between(started, g.claimed()).toMillis())
                        .min(Long::compare)
                        .orElse(-1L),
                    sent.size(),
                    rowClaims.getOrDefault(instance, 0),
                    waits.getOrDefault(instance, 0),
                    lostRaces.getOrDefault(instance, 0),
                    postponements.getOrDefault(instance, 0),
                    passesOver.getOrDefault(instance, 0))));
    lines.add(
        "send holds its slots (claim to return), ms: "
            + percentiles(all, g -> Duration.between(g.claimed(), g.ended()).toNanos() / 1_000));
    lines.add(
        "  of which the budget's claim, ms: "
            + percentiles(all, g -> Duration.between(g.claimed(), g.granted()).toNanos() / 1_000));
    lines.add(
        "postponed row claimed again after it was due, ms: "
            + percentiles(new ArrayList<>(wakeLatencyMicros), micros -> micros));
    lines.add("rows postponed again when claimed after their due time: " + postponedAgain.get());
    ramp.stream()
        .collect(
            Collectors.groupingBy(
                event -> Integer.parseInt(event.substring(0, event.indexOf(' '))),
                TreeMap::new,
                Collectors.groupingBy(
                    event -> event.substring(event.indexOf(' ') + 1),
                    TreeMap::new,
                    Collectors.counting())))
        .forEach((ms, counts) -> lines.add("from " + ms + " ms: " + counts));
    worstWaitMicros.entrySet().stream()
        .sorted(Map.Entry.<Long, Long>comparingByValue().reversed())
        .limit(3)
        .forEach(
            worst ->
                lines.add(
                    "row "
                        + worst.getKey()
                        + " claimed "
                        + worst.getValue() / 1000
                        + " ms after due: "
                        + String.join("; ", rowHistory.get(worst.getKey()))));
    List<Sent> sends = new ArrayList<>(completed);
    sends.stream()
        .sorted(Comparator.comparing(Sent::at).reversed())
        .limit(3)
        .forEach(
            last ->
                lines.add(
                    "row "
                        + last.row()
                        + " among the last sent: "
                        + String.join("; ", rowHistory.get(last.row()))
                        + "; its chat's sends ended at "
                        + sends.stream()
                            .filter(other -> other.chat().equals(last.chat()))
                            .map(other -> sinceStart(other.at()))
                            .sorted()
                            .map(String::valueOf)
                            .collect(Collectors.joining(", "))));
    List<Long> idle = new ArrayList<>();
    all.stream()
        .collect(Collectors.groupingBy(g -> g.bot() + "/" + g.lane()))
        .values()
        .forEach(
            lane -> {
              lane.sort(Comparator.comparing(Grant::claimed));
              for (int i = 1; i < lane.size(); i++) {
                Instant freed = lane.get(i - 1).ended().plus(window);
                idle.add(Duration.between(freed, lane.get(i).claimed()).toNanos() / 1_000);
              }
            });
    lines.add(
        "a bot lane unused after it freed, until its next claim, ms: " + percentiles(idle, x -> x));
    lines.addAll(new LaneAnomalies(started, window, perWindow).of(all, List.copyOf(refused)));
    Map<String, List<Grant>> byBot =
        all.stream().collect(Collectors.groupingBy(Grant::bot, TreeMap::new, Collectors.toList()));
    byBot.forEach(
        (bot, sent) -> {
          List<Long> ends =
              sent.stream()
                  .map(g -> Duration.between(started, g.ended()).toMillis())
                  .sorted()
                  .toList();
          List<Long> starts =
              sent.stream()
                  .map(g -> Duration.between(started, g.claimed()).toMillis())
                  .sorted()
                  .toList();
          StringBuilder line = new StringBuilder(bot + " window starts (ms):");
          for (int k = 0; k < starts.size(); k += perWindow) {
            line.append(' ').append(starts.get(k));
          }
          line.append(String.format(Locale.ROOT, "; last ended %d ms", ends.get(ends.size() - 1)));
          long windows = (starts.size() - 1) / perWindow;
          long lastStart = starts.get((int) windows * perWindow);
          line.append(
              String.format(
                  Locale.ROOT,
                  "; %.0f ms per window over %d (limit %d)",
                  windows == 0 ? 0.0 : (double) (lastStart - starts.get(0)) / windows,
                  windows,
                  window.toMillis()));
          List<Grant> byClaim = new ArrayList<>(sent);
          byClaim.sort(Comparator.comparing(Grant::claimed));
          if (byClaim.size() > perWindow) {
            // the last send may go only once a window's span has passed since the send a window's
            // count before it ended: which one held it back, and how
            Grant last = byClaim.get(byClaim.size() - 1);
            Grant before = byClaim.get(byClaim.size() - 1 - perWindow);
            line.append(
                String.format(
                    Locale.ROOT,
                    "; its last send claimed %d ms (lane %d), the send %d before it %d-%d ms (lane %d)",
                    Duration.between(started, last.claimed()).toMillis(),
                    last.lane(),
                    perWindow,
                    Duration.between(started, before.claimed()).toMillis(),
                    Duration.between(started, before.ended()).toMillis(),
                    before.lane()));
            line.append("; ").append(sent.size()).append(" grants");
            // the bot's last waits before its last send: how many of its lanes were really held
            botWaits.stream()
                .filter(w -> w.bot().equals(bot) && w.at().isBefore(last.claimed()))
                .sorted(Comparator.comparing(BotWait::at).reversed())
                .limit(3)
                .forEach(
                    w ->
                        line.append(
                            String.format(
                                Locale.ROOT,
                                "; waited at %d ms (%s) until %d ms, %d lanes held then",
                                sinceStart(w.at()),
                                w.instance(),
                                sinceStart(w.opensAt()),
                                sent.stream()
                                    .filter(
                                        g ->
                                            !g.claimed().isAfter(w.at())
                                                && g.ended().plus(window).isAfter(w.at()))
                                    .count())));
          }
          lines.add(line.toString());
        });
    return lines;
  }

  private static <T> String percentiles(List<T> values, ToLongFunction<T> micros) {
    List<Long> sorted = new ArrayList<>(values.stream().map(micros::applyAsLong).toList());
    if (sorted.isEmpty()) {
      return "none";
    }
    Collections.sort(sorted);
    return String.format(
        Locale.ROOT,
        "n=%d p50 %.1f p90 %.1f p99 %.1f max %.1f",
        sorted.size(),
        sorted.get(sorted.size() / 2) / 1000.0,
        sorted.get(sorted.size() * 9 / 10) / 1000.0,
        sorted.get(Math.min(sorted.size() - 1, sorted.size() * 99 / 100)) / 1000.0,
        sorted.get(sorted.size() - 1) / 1000.0);
  }
}
