package io.omnichannel.launcher.bench;

import io.omnichannel.core.domain.LineId;
import io.omnichannel.core.domain.Secret;
import io.omnichannel.launcher.Omnichannel;
import io.omnichannel.oneconnect.OneConnectConfig;
import io.omnichannel.persistence.PersistenceConfig;
import io.omnichannel.telegram.TelegramConfig;
import io.omnichannel.testkit.mariadb.ScratchMariaDb;
import io.omnichannel.testkit.oneconnect.ClientCompany;
import io.omnichannel.testkit.oneconnect.ClientUser;
import io.omnichannel.testkit.oneconnect.Company;
import io.omnichannel.testkit.oneconnect.Line;
import io.omnichannel.testkit.oneconnect.LineAvailability;
import io.omnichannel.testkit.oneconnect.OneConnectEmulator;
import io.omnichannel.testkit.oneconnect.OneConnectEmulatorConfig;
import io.omnichannel.testkit.oneconnect.Specialist;
import io.omnichannel.testkit.oneconnect.TranscriptEntry;
import io.omnichannel.testkit.telegram.BotInfo;
import io.omnichannel.testkit.telegram.RateLimits;
import io.omnichannel.testkit.telegram.TelegramEmulator;
import io.omnichannel.testkit.telegram.TelegramEmulatorConfig;
import io.omnichannel.testkit.telegram.UserSpec;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.opentest4j.TestAbortedException;

/**
 * The load benchmark of issue 7 (not a test: {@code ./mvnw -B -ntp -pl app-launcher -am verify
 * -DskipTests -Dbench.gateway}, which activates the {@code bench} profile of app-launcher only). On
 * the sandbox set-up — both emulators on loopback, the gateway in webhook mode on a fresh database
 * — one bot is connected to a line the real way (management line, confirmation page); then
 * private-chat text updates go into the Telegram emulator at a fixed rate and are timed until they
 * appear in the 1C-Connect emulator's transcript. The same load, in the same process, through a
 * {@link NoOpRelay} (same HTTP in, one HTTP call out, nothing stored) is the baseline. Prints
 * throughput, p50/p99, the gateway's added latency and the ratios, RSS, and the losses and doubles
 * of the gateway path (non-zero exit if any).
 *
 * <p>Argument: {@code h2} (embedded, temporary folder) or {@code mariadb} (a {@link ScratchMariaDb}
 * on the server of OMNICHANNEL_TEST_MARIADB_URL, dropped afterwards; skipped when unreachable).
 * System properties: {@code bench.rate} (messages/s, 50), {@code bench.seconds} (measured seconds
 * per path, 15), {@code bench.warmup} (seconds per path, 3), {@code bench.users} (20), {@code
 * bench.workers} (4), {@code bench.drain} (seconds to wait after the last injection, 30), {@code
 * bench.probe} (false: also step the rate up, 5 s a step, to find the highest rate both paths
 * sustain), {@code bench.timeout} (seconds, 300: past it the process halts with exit code 3,
 * whatever it is doing).
 */
public final class GatewayBenchmark {
  private static final PrintStream OUT = System.out;
  private static final Pattern LINK =
      Pattern.compile("(http://127\\.0\\.0\\.1:\\d+/confirm/[A-Za-z0-9_-]+)");
  private static final Duration WAIT = Duration.ofSeconds(20);

  private final String database;
  private final double rate = doubleProperty("bench.rate", 50);
  private final int seconds = intProperty("bench.seconds", 15);
  private final int warmup = intProperty("bench.warmup", 3);
  private final int userCount = intProperty("bench.users", 20);
  private final int workers = intProperty("bench.workers", 4);
  private final Duration drain = Duration.ofSeconds(intProperty("bench.drain", 30));
  private final boolean probe = Boolean.getBoolean("bench.probe");
  private final HttpClient http = HttpClient.newHttpClient();

  private TelegramEmulator telegram;
  private OneConnectEmulator oneConnect;
  private Omnichannel gateway;
  private NoOpRelay relay;
  private Line management;
  private Line support;
  private Line baselineLine;
  private Specialist anna;
  private BotInfo gatewayBot;
  private BotInfo baselineBot;
  private final List<UserSpec> users = new ArrayList<>();

  private GatewayBenchmark(String database) {
    this.database = database;
  }

  public static void main(String[] args) throws Exception {
    String database = args.length > 0 ? args[0].toLowerCase(Locale.ROOT) : "h2";
    if (!database.equals("h2") && !database.equals("mariadb")) {
      throw new IllegalArgumentException("database must be h2 or mariadb: " + database);
    }
    startWatchdog(Duration.ofSeconds(intProperty("bench.timeout", 300)));
    int exit = new GatewayBenchmark(database).run();
    System.exit(exit);
  }

  /** The run stops by itself: bounded loads and drains, and this in case something hangs. */
  private static void startWatchdog(Duration limit) {
    Thread watchdog =
        new Thread(
            () -> {
              try {
                Thread.sleep(limit.toMillis());
              } catch (InterruptedException interrupted) {
                return;
              }
              OUT.println(
                  "RESULT: ABORTED — the benchmark ran longer than " + limit.toSeconds() + " s");
              OUT.flush();
              Runtime.getRuntime().halt(3);
            },
            "bench-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
  }

  private int run() throws Exception {
    long began = System.nanoTime();
    Path data = Files.createTempDirectory("omnichannel-bench");
    ScratchMariaDb mariaDb = null;
    try {
      PersistenceConfig persistence;
      if (database.equals("mariadb")) {
        try {
          mariaDb = ScratchMariaDb.create();
        } catch (TestAbortedException unreachable) {
          OUT.println(unreachable.getMessage() + ": the MariaDB run is skipped");
          return 0;
        }
        persistence =
            PersistenceConfig.server(mariaDb.url(), mariaDb.user(), mariaDb.password(), data);
      } else {
        persistence = PersistenceConfig.embedded(data);
      }
      OUT.printf(
          Locale.ROOT,
          "%n== omnichannel load benchmark (%s) ==%n",
          database.equals("h2") ? "H2 embedded" : "MariaDB");
      OUT.printf(
          Locale.ROOT,
          "rate %.0f msg/s, %d s measured per path after %d s warm-up, %d users, %d workers/queue, "
              + "cores %d, load %s%n",
          rate,
          seconds,
          warmup,
          userCount,
          workers,
          Runtime.getRuntime().availableProcessors(),
          loadAverage());
      startEmulators();
      startBaseline();
      startGateway(persistence);
      connectGatewayBot();
      LoadRun load = new LoadRun(telegram, oneConnect, users);
      int warmupCount = Math.max(userCount * 2, (int) (rate * warmup));
      // warm-up both paths (JIT, connections, the gateway's first contact of each user) — not
      // measured
      LoadRun.Result warmBase =
          load.run("warmbase", baselineBot.token(), baselineLine.id(), rate, warmupCount, drain);
      LoadRun.Result warmGateway =
          load.run("warmgw", gatewayBot.token(), support.id(), rate, warmupCount, drain);
      OUT.printf(
          Locale.ROOT,
          "warm-up: baseline %d/%d, gateway %d/%d delivered%n",
          warmBase.delivered(),
          warmBase.injected(),
          warmGateway.delivered(),
          warmGateway.injected());
      Memory atStart = Memory.now();

      // each path's measured time in two halves, in the order relay, gateway, gateway, relay: a
      // drift of the
      // machine's load or of the JIT over the run weighs on both paths alike
      int half = (int) Math.round(rate * seconds / 2.0);
      LoadRun.Result base1 =
          load.run("base1", baselineBot.token(), baselineLine.id(), rate, half, drain);
      Memory afterBaseline = Memory.now();
      LoadRun.Result gw1 = load.run("gw1", gatewayBot.token(), support.id(), rate, half, drain);
      LoadRun.Result gw2 = load.run("gw2", gatewayBot.token(), support.id(), rate, half, drain);
      Memory afterGateway = Memory.now();
      LoadRun.Result base2 =
          load.run("base2", baselineBot.token(), baselineLine.id(), rate, half, drain);
      Memory atEnd = Memory.now();
      LoadRun.Result baseline = base1.plus(base2);
      LoadRun.Result measured = gw1.plus(gw2);

      List<LoadRun.Result[]> steps = probe ? probe(load) : List.of();
      long sentBack =
          users.stream().mapToLong(u -> telegram.sentCount(gatewayBot.token(), u.id())).sum();

      print(
          baseline,
          measured,
          steps,
          atStart,
          afterBaseline,
          afterGateway,
          atEnd,
          sentBack,
          Duration.ofNanos(System.nanoTime() - began));
      boolean clean =
          measured.lost() == 0
              && measured.doubled() == 0
              && warmGateway.lost() == 0
              && warmGateway.doubled() == 0;
      OUT.println(
          clean
              ? "RESULT: gateway path 0 lost, 0 doubled"
              : "RESULT: FAILED — gateway path lost or doubled messages");
      return clean ? 0 : 1;
    } finally {
      stopAll();
      if (mariaDb != null) {
        dropQuietly(mariaDb);
      }
      deleteFolder(data);
    }
  }

  // ----------------------------------------------------------------------------------------------
  // set-up

  private void startEmulators() {
    telegram =
        TelegramEmulator.start(
            TelegramEmulatorConfig.defaults()
                .withRateLimits(RateLimits.off())
                .withCaps(1_000, 1_000, 50_000, 16L << 20));
    oneConnect =
        OneConnectEmulator.start(
            OneConnectEmulatorConfig.builder()
                .maxTranscriptEntriesPerChat(100_000)
                .maxRecordedRequests(100_000)
                .maxRecordedBodyChars(2_000)
                .maxDeliveryAttempts(100_000)
                .maxIdempotencyKeys(1_000_000)
                .build());
    var world = oneConnect.world();
    Company vendor = world.addCompany("1С-Коннект", true);
    Company company = world.addCompany("Ромашка", true);
    management = world.addManagementLine(vendor.id(), "1С-Коннект: Управление каналами");
    support = world.addLine(company.id(), "Поддержка", LineAvailability.CLIENTS_AND_SPECIALISTS);
    baselineLine =
        world.addLine(
            company.id(), "Поддержка (без шлюза)", LineAvailability.CLIENTS_AND_SPECIALISTS);
    anna = world.addSpecialist(company.id(), "Анна", "Иванова");
    world.addApiAccount("gateway", "gw-pass", vendor.id(), Map.of(management.id(), true));
    world.grantPartnerAccess("gateway");
    world.addApiAccount("api-support", "s3cret", company.id(), Map.of(support.id(), true));
    world.addApiAccount("api-baseline", "b4se", company.id(), Map.of(baselineLine.id(), true));
    gatewayBot = telegram.createBot("Ромашка Поддержка", "romashka_bot");
    baselineBot = telegram.createBot("Ромашка Без Шлюза", "romashka_noop_bot");
    for (int i = 0; i < userCount; i++) {
      users.add(UserSpec.of(1_000 + i, "Клиент" + (i + 1), "Тестов", "client" + (i + 1)));
    }
  }

  /**
   * The no-op relay's users exist in 1C-Connect beforehand: it stores nothing, so it cannot create
   * them.
   */
  private void startBaseline() throws IOException, InterruptedException {
    var world = oneConnect.world();
    ClientCompany client = world.addClient(baselineLine.companyId(), "Telegram: без шлюза");
    Map<Long, String> mapping = new LinkedHashMap<>();
    for (UserSpec user : users) {
      ClientUser clientUser = world.addClientUser(client.id(), user.firstName(), user.lastName());
      world.enableLine(clientUser.id(), baselineLine.id());
      mapping.put(user.id(), clientUser.id());
    }
    String secret = UUID.randomUUID().toString().replace("-", "");
    relay =
        NoOpRelay.start(
            oneConnect.baseUrl(), "api-baseline", "b4se", baselineLine.id(), mapping, secret, 16);
    HttpResponse<String> set =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(telegram.baseUrl() + "/bot" + baselineBot.token() + "/setWebhook"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"url\":\""
                            + relay.webhookUrl()
                            + "\",\"secret_token\":\""
                            + secret
                            + "\",\"max_connections\":40}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (set.statusCode() != 200) {
      throw new IllegalStateException(
          "setWebhook for the baseline bot: " + set.statusCode() + " " + set.body());
    }
  }

  private void startGateway(PersistenceConfig persistence) throws IOException {
    int port;
    try (ServerSocket probeSocket = new ServerSocket(0)) {
      port = probeSocket.getLocalPort();
    }
    URI base = URI.create("http://127.0.0.1:" + port);
    gateway =
        Omnichannel.builder()
            .persistence(persistence)
            .publicBaseUrl(base)
            .telegram(
                TelegramConfig.of(TelegramConfig.ReceiveMode.WEBHOOK, base, "bench-1")
                    .withApiBaseUrl(URI.create(telegram.baseUrl())))
            .oneConnect(
                OneConnectConfig.of(
                        "gateway", Secret.of("gw-pass"), new LineId(management.id()), base)
                    .withEndpoints(
                        URI.create(oneConnect.baseUrl()), URI.create(oneConnect.soapUrl())))
            .httpServer("127.0.0.1", port)
            .workers(workers)
            .build()
            .start();
  }

  /**
   * As a specialist does it: the management line's wizard, then the confirmation page with the API
   * account.
   */
  private void connectGatewayBot() throws IOException, InterruptedException {
    say("Telegram", "Telegram: выберите действие.");
    say("Подключить Telegram-бот", "Выберите линию, к которой нужно подключить Telegram-бот.");
    say("Поддержка", "Отправьте токен Telegram-бота");
    TranscriptEntry linkMessage = say(gatewayBot.token(), "Чтобы подключить бот @romashka_bot");
    Matcher link = LINK.matcher(linkMessage.text());
    if (!link.find()) {
      throw new IllegalStateException("no confirmation link in: " + linkMessage.text());
    }
    HttpResponse<String> confirmed =
        http.send(
            HttpRequest.newBuilder(URI.create(link.group(1)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "login=api-support&password="
                            + URLEncoder.encode("s3cret", StandardCharsets.UTF_8)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (confirmed.statusCode() != 200 || !confirmed.body().contains("подключен к линии")) {
      throw new IllegalStateException("confirmation failed: " + confirmed.statusCode());
    }
    managementSays("Telegram-бот @romashka_bot подключен к линии «Поддержка».");
  }

  private TranscriptEntry say(String text, String expectedInAnswer) {
    oneConnect.scenario().specialistWritesToManagementLine(anna.id(), text);
    return managementSays(expectedInAnswer);
  }

  private TranscriptEntry managementSays(String containing) {
    return oneConnect
        .inspection()
        .awaitTranscriptEntry(
            management.id(),
            anna.id(),
            entry ->
                entry.direction() == TranscriptEntry.Direction.TO_USER
                    && entry.text() != null
                    && entry.text().contains(containing),
            WAIT);
  }

  // ----------------------------------------------------------------------------------------------
  // probe

  /**
   * Doubles the rate from twice the measured one, 5 s a step, both paths, until the gateway no
   * longer keeps up (kept up: everything delivered within the drain, at least 90 % of the offered
   * rate). At most four steps.
   */
  private List<LoadRun.Result[]> probe(LoadRun load) {
    List<LoadRun.Result[]> steps = new ArrayList<>();
    double stepRate = rate * 2;
    for (int step = 0; step < 4; step++, stepRate *= 2) {
      int count = (int) Math.round(stepRate * 5);
      LoadRun.Result base =
          load.run(
              "pb" + step,
              baselineBot.token(),
              baselineLine.id(),
              stepRate,
              count,
              Duration.ofSeconds(10));
      LoadRun.Result gw =
          load.run(
              "pg" + step,
              gatewayBot.token(),
              support.id(),
              stepRate,
              count,
              Duration.ofSeconds(15));
      steps.add(new LoadRun.Result[] {base, gw});
      if (!keptUp(gw)) {
        break; // the gateway is what is probed: a higher step would only pile on its backlog
      }
    }
    return steps;
  }

  private static boolean keptUp(LoadRun.Result result) {
    return result.lost() == 0 && result.throughput() >= 0.9 * result.offeredRate();
  }

  // ----------------------------------------------------------------------------------------------
  // report

  private void print(
      LoadRun.Result base,
      LoadRun.Result gw,
      List<LoadRun.Result[]> steps,
      Memory atStart,
      Memory afterBaseline,
      Memory afterGateway,
      Memory atEnd,
      long sentBack,
      Duration total) {
    OUT.println();
    OUT.printf(
        Locale.ROOT,
        "each path %d messages in two halves, run in the order relay, gateway, gateway, relay;%n"
            + "latency = 1C-Connect transcript entry time - injection time into the Telegram emulator%n",
        base.injected());
    OUT.printf(
        Locale.ROOT, "%-28s %14s %14s %14s%n", "", "no-op relay", "gateway", "gateway/relay");
    row("offered rate (msg/s)", base.offeredRate(), gw.offeredRate(), "%.0f");
    OUT.printf(
        Locale.ROOT,
        "%-28s %14s %14s%n",
        "injected / delivered",
        base.injected() + "/" + base.delivered(),
        gw.injected() + "/" + gw.delivered());
    row("throughput (msg/s)", base.throughput(), gw.throughput(), "%.1f");
    row("latency p50 (ms)", ms(base.percentile(50)), ms(gw.percentile(50)), "%.2f");
    row("latency p90 (ms)", ms(base.percentile(90)), ms(gw.percentile(90)), "%.2f");
    row("latency p99 (ms)", ms(base.percentile(99)), ms(gw.percentile(99)), "%.2f");
    row("latency max (ms)", ms(base.max()), ms(gw.max()), "%.2f");
    OUT.printf(
        Locale.ROOT,
        "%-28s %14s %14.2f%n",
        "added latency p50 (ms)",
        "",
        ms(gw.percentile(50)) - ms(base.percentile(50)));
    OUT.printf(
        Locale.ROOT,
        "%-28s %14s %14.2f%n",
        "added latency p99 (ms)",
        "",
        ms(gw.percentile(99)) - ms(base.percentile(99)));
    OUT.printf(Locale.ROOT, "%-28s %14d %14d%n", "lost", base.lost(), gw.lost());
    OUT.printf(
        Locale.ROOT, "%-28s %14d %14d%n", "doubled (in transcript)", base.doubled(), gw.doubled());
    OUT.printf(
        Locale.ROOT,
        "%-28s %14d %14d%n",
        "receive calls made",
        base.receivePosts(),
        gw.receivePosts());
    OUT.printf(
        Locale.ROOT,
        "%-28s %14.2f %14.2f%n",
        "elapsed, 1st in→last out (s)",
        base.elapsed().toMillis() / 1e3,
        gw.elapsed().toMillis() / 1e3);
    OUT.printf(
        Locale.ROOT,
        "%-28s %14.2f %14.2f%n",
        "injector max lag (ms)",
        base.maxInjectorLag().toNanos() / 1e6,
        gw.maxInjectorLag().toNanos() / 1e6);
    OUT.printf(Locale.ROOT, "%-28s %14s %14d%n", "sent back to Telegram users", "", sentBack);
    OUT.println();
    OUT.println(
        "memory of the whole process (both emulators, the no-op relay and the gateway live in it):");
    OUT.printf(Locale.ROOT, "  %-31s %s%n", "set up and warmed, before load", atStart);
    OUT.printf(Locale.ROOT, "  %-31s %s%n", "after relay half 1", afterBaseline);
    OUT.printf(Locale.ROOT, "  %-31s %s%n", "after gateway halves 1 and 2", afterGateway);
    OUT.printf(Locale.ROOT, "  %-31s %s%n", "at end, after relay half 2", atEnd);
    OUT.printf(
        Locale.ROOT,
        "  RSS at end %.1f MiB (peak %.1f MiB); growth during the gateway halves %+.1f MiB%n",
        atEnd.rssKiB / 1024.0,
        atEnd.hwmKiB / 1024.0,
        (afterGateway.rssKiB - afterBaseline.rssKiB) / 1024.0);
    if (!steps.isEmpty()) {
      OUT.println();
      OUT.println(
          "probe (5 s a step, doubling; kept up = all in within the drain and delivered ≥ 90 % of offered;");
      OUT.println("       stops at the gateway's first step behind):");
      OUT.printf(Locale.ROOT, "  %8s | %-34s | %-34s%n", "offered", "no-op relay", "gateway");
      OUT.printf(
          Locale.ROOT,
          "  %8s | %6s %7s %8s %-10s | %6s %7s %8s %-10s%n",
          "msg/s",
          "thr",
          "p50 ms",
          "p99 ms",
          "",
          "thr",
          "p50 ms",
          "p99 ms",
          "");
      double bestBase = 0;
      double bestGw = 0;
      for (LoadRun.Result[] step : steps) {
        OUT.printf(
            Locale.ROOT,
            "  %8.0f | %s | %s%n",
            step[0].offeredRate(),
            probeCell(step[0]),
            probeCell(step[1]));
        if (keptUp(step[0])) {
          bestBase = Math.max(bestBase, step[0].offeredRate());
        }
        if (keptUp(step[1])) {
          bestGw = Math.max(bestGw, step[1].offeredRate());
        }
      }
      OUT.printf(
          Locale.ROOT,
          "  highest step kept up: no-op relay %s, gateway %s msg/s%n",
          probeBest(bestBase),
          probeBest(bestGw));
    }
    OUT.printf(
        Locale.ROOT,
        "%ntotal %.1f s, load average now %s%n",
        total.toMillis() / 1e3,
        loadAverage());
  }

  private static String probeCell(LoadRun.Result r) {
    return String.format(
        Locale.ROOT,
        "%6.1f %7.1f %8.1f %-10s",
        r.throughput(),
        ms(r.percentile(50)),
        ms(r.percentile(99)),
        keptUp(r) ? "kept up" : "BEHIND: " + r.lost() + " not in");
  }

  private String probeBest(double best) {
    return best == 0 ? "< " + Math.round(rate * 2) : Math.round(best) + "";
  }

  private static void row(String name, double base, double gw, String format) {
    String ratio = base > 0 ? String.format(Locale.ROOT, "%.2f×", gw / base) : "-";
    OUT.printf(
        Locale.ROOT,
        "%-28s %14s %14s %14s%n",
        name,
        String.format(Locale.ROOT, format, base),
        String.format(Locale.ROOT, format, gw),
        ratio);
  }

  private static double ms(long micros) {
    return micros / 1000.0;
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException | RuntimeException unavailable) {
      return String.format(
          Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }

  /** VmRSS and VmHWM of this process, and the heap in use. */
  private static final class Memory {
    final long rssKiB;
    final long hwmKiB;
    final long heapUsed;

    private Memory(long rssKiB, long hwmKiB, long heapUsed) {
      this.rssKiB = rssKiB;
      this.hwmKiB = hwmKiB;
      this.heapUsed = heapUsed;
    }

    static Memory now() {
      long rss = -1;
      long hwm = -1;
      try {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
          if (line.startsWith("VmRSS:")) {
            rss = kib(line);
          } else if (line.startsWith("VmHWM:")) {
            hwm = kib(line);
          }
        }
      } catch (IOException | RuntimeException unavailable) {
        // not Linux: reported as -1
      }
      MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
      return new Memory(rss, hwm, heap.getUsed());
    }

    private static long kib(String line) {
      return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }

    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "RSS %.1f MiB, peak RSS %.1f MiB, heap in use %.1f MiB",
          rssKiB / 1024.0,
          hwmKiB / 1024.0,
          heapUsed / 1048576.0);
    }
  }

  // ----------------------------------------------------------------------------------------------
  // teardown

  private void stopAll() {
    if (gateway != null) {
      try {
        gateway.stop();
      } catch (RuntimeException ignored) {
        // best effort
      }
    }
    if (relay != null) {
      relay.close();
    }
    if (telegram != null) {
      telegram.close();
    }
    if (oneConnect != null) {
      oneConnect.close();
    }
  }

  /** The run's result stands; a database left behind is reported, not made its failure. */
  private static void dropQuietly(ScratchMariaDb mariaDb) {
    try {
      mariaDb.close();
    } catch (IllegalStateException e) {
      OUT.println(e.getMessage());
    }
  }

  private static void deleteFolder(Path folder) {
    try (Stream<Path> files = Files.walk(folder)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException ignored) {
      // a temporary folder left behind is harmless
    }
  }

  private static int intProperty(String name, int fallback) {
    return Integer.parseInt(System.getProperty(name, Integer.toString(fallback)).trim());
  }

  private static double doubleProperty(String name, double fallback) {
    return Double.parseDouble(System.getProperty(name, Double.toString(fallback)).trim());
  }
}
