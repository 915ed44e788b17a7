package io.omnichannel.launcher.bench;

import io.omnichannel.testkit.oneconnect.OneConnectEmulator;
import io.omnichannel.testkit.oneconnect.RecordedRequest;
import io.omnichannel.testkit.oneconnect.TranscriptEntry;
import io.omnichannel.testkit.telegram.TelegramEmulator;
import io.omnichannel.testkit.telegram.UserSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One measured load: private-chat text updates injected into the Telegram emulator at a fixed rate,
 * round robin over the users, each text carrying a unique id; then waits (bounded) until every id
 * is in the line's transcript of the 1C-Connect emulator. Latency of a message = its transcript
 * entry's time minus the instant just before it was injected (both from the same JVM's clock).
 */
final class LoadRun {
  private static final Pattern ID = Pattern.compile("#(B-[A-Za-z0-9]+-\\d+)#");

  private final TelegramEmulator telegram;
  private final OneConnectEmulator oneConnect;
  private final List<UserSpec> users;

  LoadRun(TelegramEmulator telegram, OneConnectEmulator oneConnect, List<UserSpec> users) {
    this.telegram = telegram;
    this.oneConnect = oneConnect;
    this.users = List.copyOf(users);
  }

  /** The figures of one run; latencies in microseconds, sorted. */
  record Result(
      String tag,
      double offeredRate,
      int injected,
      int delivered,
      int lost,
      int doubled,
      long receivePosts,
      double throughput,
      long[] latencies,
      Duration injectionTime,
      Duration maxInjectorLag,
      Duration elapsed) {
    long percentile(double p) {
      if (latencies.length == 0) {
        return -1;
      }
      int index = (int) Math.ceil(p / 100.0 * latencies.length) - 1;
      return latencies[Math.max(0, Math.min(latencies.length - 1, index))];
    }

    long max() {
      return latencies.length == 0 ? -1 : latencies[latencies.length - 1];
    }

    /**
     * Two runs of the same path as one: counts add up, latencies pool, throughput over both elapsed
     * times.
     */
    Result plus(Result other) {
      long[] pooled = new long[latencies.length + other.latencies.length];
      System.arraycopy(latencies, 0, pooled, 0, latencies.length);
      System.arraycopy(other.latencies, 0, pooled, latencies.length, other.latencies.length);
      Arrays.sort(pooled);
      Duration bothElapsed = elapsed.plus(other.elapsed);
      int bothDelivered = delivered + other.delivered;
      return new Result(
          tag + "+" + other.tag,
          offeredRate,
          injected + other.injected,
          bothDelivered,
          lost + other.lost,
          doubled + other.doubled,
          receivePosts + other.receivePosts,
          bothDelivered / Math.max(1e-9, bothElapsed.toNanos() / 1e9),
          pooled,
          injectionTime.plus(other.injectionTime),
          maxInjectorLag.compareTo(other.maxInjectorLag) >= 0
              ? maxInjectorLag
              : other.maxInjectorLag,
          bothElapsed);
    }
  }

  /**
   * Injects {@code count} messages to {@code botToken} at {@code rate}/s, then waits at most {@code
   * drain} after the last injection for them to reach {@code lineId}'s transcript.
   */
  Result run(String tag, String botToken, String lineId, double rate, int count, Duration drain) {
    oneConnect.inspection().clear();
    long period = (long) (1_000_000_000L / rate);
    String[] ids = new String[count];
    Instant[] injectedAt = new Instant[count];
    long maxLag = 0;
    long start = System.nanoTime() + 5_000_000L;
    for (int i = 0; i < count; i++) {
      long target = start + i * period;
      long now;
      while ((now = System.nanoTime()) < target) {
        LockSupport.parkNanos(target - now);
      }
      maxLag = Math.max(maxLag, now - target);
      UserSpec user = users.get(i % users.size());
      ids[i] = "B-" + tag + "-" + i;
      injectedAt[i] = Instant.now();
      telegram
          .bot(botToken)
          .user(user)
          .sendsText("Вопрос №" + (i + 1) + " от " + user.firstName() + " #" + ids[i] + "#");
    }
    long injectionEnd = System.nanoTime();
    Duration injectionTime = Duration.ofNanos(injectionEnd - start);

    Map<String, List<Instant>> seen = new HashMap<>();
    long deadline = injectionEnd + drain.toNanos();
    while (true) {
      seen = deliveredTo(lineId, tag);
      if (seen.size() >= count || System.nanoTime() > deadline) {
        break;
      }
      LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
    }
    // a short look past completion so a late double still shows
    LockSupport.parkNanos(Duration.ofMillis(300).toNanos());
    seen = deliveredTo(lineId, tag);

    long[] latencies = new long[count];
    int delivered = 0;
    int doubled = 0;
    Instant last = injectedAt[0];
    for (int i = 0; i < count; i++) {
      List<Instant> times = seen.get(ids[i]);
      if (times == null) {
        continue;
      }
      if (times.size() > 1) {
        doubled++;
      }
      Instant first = times.get(0);
      latencies[delivered++] = Duration.between(injectedAt[i], first).toNanos() / 1_000;
      if (first.isAfter(last)) {
        last = first;
      }
    }
    long[] sorted = Arrays.copyOf(latencies, delivered);
    Arrays.sort(sorted);
    Duration elapsed = Duration.between(injectedAt[0], last);
    double throughput = delivered / Math.max(1e-9, elapsed.toNanos() / 1e9);
    return new Result(
        tag,
        rate,
        count,
        delivered,
        count - delivered,
        doubled,
        receivePosts(tag),
        throughput,
        sorted,
        injectionTime,
        Duration.ofNanos(maxLag),
        elapsed);
  }

  /**
   * Every id of this run in the line's transcript, with the time of each entry carrying it (oldest
   * first).
   */
  private Map<String, List<Instant>> deliveredTo(String lineId, String tag) {
    Map<String, List<Instant>> seen = new HashMap<>();
    String prefix = "B-" + tag + "-";
    for (TranscriptEntry entry : oneConnect.inspection().transcripts()) {
      if (!entry.lineId().equals(lineId)
          || entry.direction() != TranscriptEntry.Direction.TO_LINE
          || entry.text() == null) {
        continue;
      }
      Matcher id = ID.matcher(entry.text());
      if (id.find() && id.group(1).startsWith(prefix)) {
        seen.computeIfAbsent(id.group(1), key -> new ArrayList<>()).add(entry.at());
      }
    }
    seen.values().forEach(times -> times.sort(null));
    return seen;
  }

  /**
   * How many receive calls carried an id of this run (more than delivered = the sender retried).
   */
  private long receivePosts(String tag) {
    String marker = "#B-" + tag + "-";
    return oneConnect.inspection().requests().stream()
        .filter(r -> r.path().startsWith("/v1/line/receive/message"))
        .map(RecordedRequest::body)
        .filter(body -> body != null && body.contains(marker))
        .count();
  }
}
