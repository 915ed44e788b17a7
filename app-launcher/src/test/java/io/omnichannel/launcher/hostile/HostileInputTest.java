package io.omnichannel.launcher.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.launcher.hostile.MalformedRequests.Request;
import io.omnichannel.testkit.oneconnect.ClientUser;
import io.omnichannel.testkit.telegram.UserSpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Item 8 of issue 11: at least 10,000 generated malformed requests over every public endpoint, and
 * then the service is alive, its memory bounded, and a normal message still goes both ways. The run
 * is seeded ({@code -Dhostile.seed=...}, {@code -Dhostile.requests=...}); a failure names the seed
 * and the request's number, which is enough to make that request again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest {
  private static final long SEED = Long.getLong("hostile.seed", 20261207L);
  private static final int REQUESTS = Integer.getInteger("hostile.requests", 10_400);
  private static final int CLIENTS = 4;

  private GatewayUnderAttack world;

  @BeforeAll
  void start() throws Exception {
    world = startWorld();
  }

  /** The gateway under attack; on H2 here, on MariaDB in the subclass. */
  GatewayUnderAttack startWorld() throws Exception {
    return GatewayUnderAttack.onH2();
  }

  @AfterAll
  void stop() {
    world.close();
  }

  @Test
  void tenThousandMalformedRequestsGetNo5xxAndTheGatewayStillRelays() throws Exception {
    MalformedRequests generator =
        new MalformedRequests(
            new MalformedRequests.Targets(
                world.connectionId,
                world.webhookSecret,
                world.lineHook.backAuth().login(),
                world.lineHook.backAuth().password(),
                world.managementHook.login(),
                world.managementHook.password().reveal(),
                world.pendingLinkToken(),
                GatewayUnderAttack.ADMIN_TOKEN));
    Tally tally = new Tally();
    long heapBefore = gatewayHeap();
    long started = System.nanoTime();

    send(generator, 0, REQUESTS / 2, tally);
    long heapAtHalf = gatewayHeap();
    send(generator, REQUESTS / 2, REQUESTS, tally);
    double seconds = (System.nanoTime() - started) / 1e9;
    long heapAtEnd = gatewayHeap();

    System.out.printf(
        "hostile input, seed %d: %d requests (%s) in %.1f s; statuses %s; heap after GC grew %s"
            + " in the first half, %s in the second; families %s%n",
        SEED,
        REQUESTS,
        Heap.mib(tally.bytes.sum()),
        seconds,
        sorted(tally.statuses),
        Heap.mib(heapAtHalf - heapBefore),
        Heap.mib(heapAtEnd - heapAtHalf),
        sorted(tally.families));
    assertThat(tally.failures.subList(0, Math.min(20, tally.failures.size())))
        .as("%d × 5xx or no answer (seed %d; the first 20)", tally.failures.size(), SEED)
        .isEmpty();
    assertThat(tally.statuses.values().stream().mapToLong(LongAdder::sum).sum())
        .isEqualTo(REQUESTS);
    assertThat(world.get("/health/live").statusCode()).isEqualTo(200);
    assertThat(world.get("/health/ready").statusCode()).isEqualTo(200);
    // hundreds of MiB went in; what stays is mostly H2's page cache (bounded by H2) and pools
    assertThat(heapAtEnd - heapBefore).as("heap growth after GC").isLessThan(64 * Heap.MIB);
    aNormalMessageGoesBothWays();
  }

  /**
   * The used heap after a full collection, without the 1C-Connect emulator's journal of the
   * requests the gateway made (test equipment, kept for inspection, growing with every request).
   */
  private long gatewayHeap() {
    world.oneConnect.inspection().clear();
    return Heap.usedAfterGc();
  }

  /** What the requests got, by status and by family, and the ones that failed. */
  private static final class Tally {
    final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
    final Map<String, LongAdder> families = new ConcurrentHashMap<>();
    final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    final LongAdder bytes = new LongAdder();

    void count(int index, Request request, int status) {
      bytes.add(request.bytes().length);
      statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
      families.computeIfAbsent(request.family(), f -> new LongAdder()).increment();
      if (status >= 500 || status < 0) {
        failures.add(
            "request "
                + index
                + " ("
                + request.family()
                + " "
                + abbreviate(request.target())
                + "): "
                + (status < 0 ? "no answer" : status));
      }
    }
  }

  /** Sends requests {@code from} (inclusive) to {@code to} from a few clients at once. */
  private void send(MalformedRequests generator, int from, int to, Tally tally) throws Exception {
    RawHttp raw = new RawHttp(world.port);
    AtomicInteger next = new AtomicInteger(from);
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        running.add(
            clients.submit(
                () -> {
                  for (int i = next.getAndIncrement(); i < to; i = next.getAndIncrement()) {
                    Request request = generator.request(SEED, i);
                    int status;
                    try {
                      status = raw.exchange(request.bytes()).status();
                    } catch (IOException broken) {
                      status = -1;
                    }
                    tally.count(i, request, status);
                  }
                  return null;
                }));
      }
      for (Future<?> client : running) {
        client.get(100, TimeUnit.SECONDS);
      }
    } finally {
      clients.shutdownNow();
    }
  }

  /** A new Telegram user writes to the bot and a specialist answers in the line. */
  private void aNormalMessageGoesBothWays() {
    UserSpec user = GatewayUnderAttack.newUser();
    world.telegram.bot(world.bot.token()).user(user).sendsText("после атаки");
    world.awaitInLine("после атаки");
    ClientUser account =
        world.oneConnect.world().clientUsers().stream()
            .filter(u -> (u.name() + " " + u.surname()).contains(user.lastName()))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no 1C user for " + user));
    world
        .oneConnect
        .scenario()
        .specialistWrites(world.line.id(), account.id(), world.specialistId(), "ответ после атаки");

    assertThat(
            world
                .telegram
                .awaitSent(world.bot.token(), user.id(), 1, GatewayUnderAttack.WAIT)
                .get(0)
                .text())
        .contains("ответ после атаки");
  }

  private static <K extends Comparable<K>> Map<K, Long> sorted(Map<K, LongAdder> counts) {
    Map<K, Long> sorted = new TreeMap<>();
    counts.forEach((key, count) -> sorted.put(key, count.sum()));
    return sorted;
  }

  private static String abbreviate(String text) {
    return text.length() <= 80 ? text : text.substring(0, 80) + "…";
  }
}
