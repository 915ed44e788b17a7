package io.omnichannel.launcher.bench;

import io.omnichannel.testkit.oneconnect.DeliveryAttempt;
import io.omnichannel.testkit.oneconnect.OneConnectEmulator;
import io.omnichannel.testkit.oneconnect.RecordedRequest;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One measured step of one path: messages offered at a {@link Pace} for a fixed time, each with a
 * unique id, then a bounded wait until every id arrived; counts what the database was sent and what
 * 1C-Connect was asked meanwhile. Throughput counts the deliveries after the first two seconds of
 * the step (the ramp) up to the end of the offering, over that time.
 */
final class LoadRun {
  /** Where messages go in and how their arrival is seen: one direction through one path. */
  interface Route {
    /** Offers message {@code i} carrying {@code id}; true when it comes from a first-time user. */
    boolean inject(int i, String id);

    /** Whether message {@code i} shows in {@link #liveDelivered()}. */
    boolean tracked(int i);

    /** Messages of this step arrived so far among the tracked ones (cheap, read often). */
    long liveDelivered();

    /**
     * Every id with {@code prefix} that arrived, with its arrival times (oldest first; empty list
     * entries when the route cannot tell the time).
     */
    Map<String, List<Instant>> delivered(String prefix);

    /** Forgets the previous step's deliveries (the emulators' journals). */
    void clear();

    /** The 1C-Connect users of the users the gateway met before the step (returning users). */
    default Set<String> returningPlatformUsers() {
      return Set.of();
    }
  }

  /** Who a call to 1C-Connect was made for. */
  static final String RETURNING = "returning users";

  static final String FIRST_TIME = "first-time users";
  static final String OTHER = "no user (background)";
  private static final Pattern UUID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  private static final Duration RAMP = Duration.ofSeconds(2);
  private static final Duration POLL = Duration.ofMillis(20);
  private static final Duration STALL = Duration.ofSeconds(20);

  private final OneConnectEmulator oneConnect;
  private final String baselineLogin;

  LoadRun(OneConnectEmulator oneConnect, String baselineLogin) {
    this.oneConnect = oneConnect;
    this.baselineLogin = baselineLogin;
  }

  StepResult run(String tag, Route route, Pace pace, Duration length, Duration drain) {
    route.clear();
    oneConnect.inspection().clear();
    CountingDriver.Counts dbBefore = CountingDriver.now();
    long cpuBefore = processCpuNanos();
    long compiledBefore = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
    String prefix = "B-" + tag + "-";
    long start = System.nanoTime() + 5_000_000L;
    Instant startInstant = Instant.now().plusNanos(start - System.nanoTime());
    long end = start + length.toNanos();
    long period = pace.isFixed() ? (long) (1e9 / pace.rate()) : 0;
    long[] scheduled =
        new long
            [Math.max(
                16,
                (int) (pace.isFixed() ? pace.rate() * 1.1 : 4000)
                    * (int) Math.max(1, length.toSeconds()))];
    int count = 0;
    int firstTimers = 0;
    long tracked = 0;
    long maxLag = 0;
    long lastPoll = 0;
    long live = 0;
    while (true) {
      long now = System.nanoTime();
      long target;
      if (pace.isFixed()) {
        target = start + count * period;
        if (target >= end) {
          break;
        }
        if (now < target) {
          LockSupport.parkNanos(target - now);
          continue;
        }
        maxLag = Math.max(maxLag, now - target);
      } else {
        if (now >= end) {
          break;
        }
        if (now - lastPoll >= POLL.toNanos() || tracked - live >= pace.window()) {
          live = route.liveDelivered();
          lastPoll = now;
        }
        if (tracked - live >= pace.window()) {
          LockSupport.parkNanos(POLL.toNanos() / 4);
          continue;
        }
        target = now;
      }
      if (count == scheduled.length) {
        scheduled = Arrays.copyOf(scheduled, count * 2);
      }
      scheduled[count] = target;
      if (route.inject(count, prefix + count)) {
        firstTimers++;
      }
      if (route.tracked(count)) {
        tracked++;
      }
      count++;
    }
    long injectionEnd = System.nanoTime();

    // waits while messages still arrive (a backlog must not spill into the next step), and gives
    // up once none arrived for STALL, or at the latest after drain
    Map<String, List<Instant>> seen = Map.of();
    long deadline = injectionEnd + drain.toNanos();
    long lastProgress = System.nanoTime();
    int arrived = -1;
    while (true) {
      seen = route.delivered(prefix);
      long now = System.nanoTime();
      if (seen.size() > arrived) {
        arrived = seen.size();
        lastProgress = now;
      }
      if (seen.size() >= count || now > deadline || now - lastProgress > STALL.toNanos()) {
        break;
      }
      LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
    }
    long drained = System.nanoTime() - injectionEnd;
    // a short look past completion so a late double still shows
    LockSupport.parkNanos(Duration.ofMillis(300).toNanos());
    seen = route.delivered(prefix);
    CountingDriver.Counts db = CountingDriver.now().minus(dbBefore);
    Duration cpu = Duration.ofNanos(processCpuNanos() - cpuBefore);
    Duration compiling =
        Duration.ofMillis(
            ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - compiledBefore);

    if (seen.size() < count) {
      explainLoss(tag, count - seen.size());
    }
    long[] latencies = new long[count];
    int withTime = 0;
    int delivered = 0;
    int doubled = 0;
    long inWindow = 0;
    Instant windowStart = startInstant.plus(RAMP);
    Instant windowEnd = startInstant.plusNanos(injectionEnd - start);
    for (int i = 0; i < count; i++) {
      List<Instant> times = seen.get(prefix + i);
      if (times == null) {
        continue;
      }
      delivered++;
      if (times.size() > 1) {
        doubled++;
      }
      if (!times.isEmpty() && times.get(0) != null) {
        Instant first = times.get(0);
        Instant due = startInstant.plusNanos(scheduled[i] - start);
        latencies[withTime++] = Math.max(0, Duration.between(due, first).toNanos() / 1_000);
        if (!first.isBefore(windowStart) && first.isBefore(windowEnd)) {
          inWindow++;
        }
      }
    }
    long[] sorted = Arrays.copyOf(latencies, withTime);
    Arrays.sort(sorted);
    double windowSeconds = Duration.between(windowStart, windowEnd).toNanos() / 1e9;
    double throughput = inWindow / Math.max(1e-9, windowSeconds);
    return new StepResult(
        tag,
        pace,
        count,
        firstTimers,
        delivered,
        count - delivered,
        doubled,
        throughput,
        sorted,
        Duration.ofNanos(maxLag),
        Duration.ofNanos(drained),
        db,
        platformCalls(),
        callsByUser(route.returningPlatformUsers()),
        cpu,
        compiling);
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /**
   * What the 1C-Connect emulator's hook deliveries of the step ended in, when messages are missing.
   */
  private void explainLoss(String tag, int missing) {
    Map<String, Long> outcomes = new TreeMap<>();
    for (DeliveryAttempt attempt : oneConnect.inspection().deliveries()) {
      outcomes.merge(
          attempt.url().replaceAll("\\.[A-Za-z0-9_-]{16,}", ".{secret}")
              + " "
              + attempt.status()
              + " "
              + attempt.outcome()
              + (attempt.error() == null ? "" : " " + attempt.error()),
          1L,
          Long::sum);
    }
    System.out.printf("  step %s: %d not arrived; hook deliveries of the step:%n", tag, missing);
    outcomes.forEach((outcome, n) -> System.out.printf("    %6d × %s%n", n, outcome));
  }

  /**
   * Requests to 1C-Connect of this step other than the baseline's, by whom they were for: a message
   * received into a line for a returning user (its id among {@code returning}) or a first-time one;
   * registering a user ({@code ClientUserAdd}) and granting it the line ({@code
   * UserServiceLineAdd}) for a first-time user; anything else (the ban reconcile's reads, the
   * monitoring's) is background work.
   */
  private Map<String, Long> callsByUser(Set<String> returning) {
    Map<String, Long> calls = new TreeMap<>();
    for (RecordedRequest request : oneConnect.inspection().requests()) {
      if (baselineLogin.equals(request.authLogin())) {
        continue;
      }
      String action = request.header("SOAPAction");
      String who = OTHER;
      if (request.path().contains("/line/receive/")) {
        boolean known = false;
        String body = request.body() == null ? "" : request.body();
        for (Matcher id = UUID.matcher(body); id.find() && !known; ) {
          known = returning.contains(id.group());
        }
        who = known ? RETURNING : FIRST_TIME;
      } else if (action != null
          && (action.contains("ClientUserAdd") || action.contains("UserServiceLineAdd"))) {
        who = FIRST_TIME;
      }
      calls.merge(who, 1L, Long::sum);
    }
    return calls;
  }

  /** Requests to 1C-Connect of this step other than the baseline's, by path (and SOAP action). */
  private Map<String, Long> platformCalls() {
    Map<String, Long> calls = new TreeMap<>();
    for (RecordedRequest request : oneConnect.inspection().requests()) {
      if (baselineLogin.equals(request.authLogin())) {
        continue;
      }
      String action = request.header("SOAPAction");
      String key =
          request.method()
              + " "
              + request
                  .path()
                  .replaceAll("[0-9a-f]{8}-[0-9a-f-]{27,}", "{id}")
                  .replaceAll("\\?.*", "")
              + (action == null ? "" : " " + action);
      calls.merge(key, 1L, Long::sum);
    }
    return calls;
  }
}
