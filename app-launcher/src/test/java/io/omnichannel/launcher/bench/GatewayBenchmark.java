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
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.opentest4j.TestAbortedException;

/**
 * The load benchmark of issues 7 and 13 (not a test: {@code ./mvnw -B -ntp -pl app-launcher -am
 * verify -DskipTests -Dbench.gateway}, which activates the {@code bench} profile of app-launcher
 * only). On the sandbox set-up — both emulators on loopback (Telegram's limits off), the gateway in
 * webhook mode on a fresh database — one bot is connected to a line the real way (management line,
 * confirmation page); a {@link NoOpRelay} (same HTTP in, one HTTP call out, nothing stored) on a
 * second bot and line is the baseline, in the same process and the same run. See {@code
 * package-info} for the steps and what each figure means; the last lines are the {@code RESULT}
 * lines of issue 13.
 *
 * <p>Argument: {@code h2} (embedded, temporary folder; also measures the cold start) or {@code
 * mariadb} (a {@link ScratchMariaDb}, dropped afterwards; skipped when unreachable). System
 * properties: {@code bench.rate} (the fixed rate, 100 msg/s), {@code bench.step} (seconds a step,
 * 15), {@code bench.window} (messages in flight when saturating, 300), {@code bench.users} (20),
 * {@code bench.firstTimeEvery} (every n-th message from a first-time user, 20), {@code
 * bench.workers} (4), {@code bench.drain} (seconds at most to wait after a step while messages
 * still arrive, 300), {@code bench.timeout} (seconds, 420: past it the process halts with exit code
 * 3).
 */
public final class GatewayBenchmark {
  private static final PrintStream OUT = System.out;
  private static final Pattern LINK =
      Pattern.compile("(http://127\\.0\\.0\\.1:\\d+/confirm/[A-Za-z0-9_-]+)");
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String BASELINE_LOGIN = "api-baseline";

  /**
   * Telegram's pacing with every window a microsecond long: the same windows, lanes and budget
   * statements per send as in production, but a lane is free again as soon as its call returned.
   * The benchmark measures the machinery, not the 1/s per chat (and 30/s per bot) Telegram allows,
   * which alone held the outbound step at about 20 msg/s.
   */
  private static final TelegramConfig.Pacing PACING_OFF =
      TelegramConfig.Pacing.telegram().scaled(1e-6);

  private final String database;
  private final double rate = doubleProperty("bench.rate", 100);
  private final Duration step = Duration.ofSeconds(intProperty("bench.step", 15));
  private final int window = intProperty("bench.window", 300);
  private final int userCount = intProperty("bench.users", 20);
  private final int firstTimeEvery = intProperty("bench.firstTimeEvery", 20);
  private final int workers = intProperty("bench.workers", 4);
  private final Duration drain = Duration.ofSeconds(intProperty("bench.drain", 300));
  private final HttpClient http = HttpClient.newHttpClient();
  private final AtomicLong nextNewUser = new AtomicLong(500_000);

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
  private final Map<Long, String> baselineLineUsers = new LinkedHashMap<>();

  private GatewayBenchmark(String database) {
    this.database = database;
  }

  public static void main(String[] args) throws Exception {
    String database = args.length > 0 ? args[0].toLowerCase(Locale.ROOT) : "h2";
    if (!database.equals("h2") && !database.equals("mariadb")) {
      throw new IllegalArgumentException("database must be h2 or mariadb: " + database);
    }
    startWatchdog(Duration.ofSeconds(intProperty("bench.timeout", 420)));
    CountingDriver.install();
    String only = System.getProperty("bench.gateway.only", "").trim();
    if (only.equals("coldstart")) {
      System.exit(database.equals("h2") ? new GatewayBenchmark(database).coldStartOnly() : 0);
    } else if (!only.isEmpty() && !only.equals("outbound") && !only.equals("inbound")) {
      throw new IllegalArgumentException(
          "bench.gateway.only must be coldstart, outbound, inbound or empty: " + only);
    }
    int exit = new GatewayBenchmark(database).run(only);
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

  private String dbName() {
    return database.equals("h2") ? "H2" : "MariaDB";
  }

  /**
   * {@code -Dbench.gateway.only=coldstart}: the emulators and the cold start alone, {@code
   * bench.coldstart.runs} times (3); the RESULT line gives the median.
   */
  private int coldStartOnly() throws Exception {
    int runs = Math.max(1, intProperty("bench.coldstart.runs", 3));
    OUT.printf(
        Locale.ROOT,
        "%n== omnichannel cold start (H2), %d runs; cores %d; load %s ==%n",
        runs,
        Runtime.getRuntime().availableProcessors(),
        loadAverage());
    OUT.println("launched as: " + ColdStart.describeLaunch());
    try {
      startEmulators();
      long[] times = new long[runs];
      for (int i = 0; i < runs; i++) {
        times[i] = coldStart();
        OUT.printf(Locale.ROOT, "cold start %d: %d ms (load %s)%n", i + 1, times[i], loadAverage());
      }
      long[] sorted = times.clone();
      Arrays.sort(sorted);
      OUT.printf(
          Locale.ROOT,
          "cold start min / median / max: %d / %d / %d ms%n",
          sorted[0],
          sorted[runs / 2],
          sorted[runs - 1]);
      OUT.printf(Locale.ROOT, "RESULT cold_start_ms=%d%n", sorted[runs / 2]);
      return sorted[0] < 0 ? 1 : 0;
    } finally {
      stopAll();
    }
  }

  /**
   * The whole benchmark, or with {@code only} ({@code -Dbench.gateway.only}) {@code inbound} or
   * {@code outbound} the set-up, the warm-ups (the users write to both bots first) and that pair of
   * steps alone.
   */
  private int run(String only) throws Exception {
    long began = System.nanoTime();
    Path data = Files.createTempDirectory("omnichannel-bench");
    ScratchMariaDb mariaDb = null;
    OutboundRoute gatewayOut = null;
    OutboundRoute relayOut = null;
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
      OUT.printf(Locale.ROOT, "%n== omnichannel load benchmark (%s) ==%n", dbName());
      OUT.printf(
          Locale.ROOT,
          "steps of %d s; fixed rate %.0f msg/s; saturating with %d in flight; %d known users, every"
              + " %d-th message from a first-time user; %d workers/queue (the inbox at least 16); cores %d;"
              + " load %s%n",
          step.toSeconds(),
          rate,
          window,
          userCount,
          firstTimeEvery,
          workers,
          Runtime.getRuntime().availableProcessors(),
          loadAverage());
      startEmulators();
      // first, on a quiet machine: after the load steps the JVM's gateway is still draining its
      // backlog, and the start competes with it for the cores
      long coldStart = -1;
      if (database.equals("h2")) {
        OUT.println("cold start, launched as: " + ColdStart.describeLaunch());
        coldStart = coldStart();
      }
      startBaseline();
      startGateway(persistence);
      connectGatewayBot();
      LoadRun load = new LoadRun(oneConnect, BASELINE_LOGIN);
      InboundRoute relayIn = relayInbound(firstTimeEvery);
      InboundRoute relayWarm = relayInbound(0);
      InboundRoute gatewayWarm =
          new InboundRoute(
              telegram,
              oneConnect,
              gatewayBot.token(),
              support.id(),
              users,
              List.of(),
              0,
              false,
              nextNewUser);
      Duration warm = Duration.ofSeconds(4);
      // warm-up (JIT, pools; the gateway meets every known user) — not measured
      StepResult warmRelay = load.run("wr", relayWarm, Pace.fixed(rate), warm, drain);
      progress("no-op relay", warmRelay);
      StepResult warmGateway = load.run("wg", gatewayWarm, Pace.fixed(rate), warm, drain);
      progress("gateway", warmGateway);
      Map<Long, String> gatewayLineUsers = gatewayWarm.lineUsers("B-wg-");
      if (gatewayLineUsers.size() != users.size()) {
        throw new IllegalStateException(
            "the warm-up did not reach every user: " + gatewayLineUsers.size());
      }
      InboundRoute gatewayIn =
          new InboundRoute(
              telegram,
              oneConnect,
              gatewayBot.token(),
              support.id(),
              users,
              List.copyOf(gatewayLineUsers.values()),
              firstTimeEvery,
              false,
              nextNewUser);
      if (only.equals("inbound")) {
        StepResult[] inbound = pair(load, "rs", relayIn, "gs", gatewayIn, Pace.saturating(window));
        return reportPair("inbound", "saturation_ratio", inbound) ? 0 : 1;
      }
      relayOut =
          new OutboundRoute(
              oneConnect,
              telegram,
              baselineLine.id(),
              anna.id(),
              baselineBot.token(),
              baselineLineUsers);
      gatewayOut =
          new OutboundRoute(
              oneConnect, telegram, support.id(), anna.id(), gatewayBot.token(), gatewayLineUsers);
      StepResult warmRelayOut = load.run("wro", relayOut, Pace.fixed(rate), warm, drain);
      progress("no-op relay", warmRelayOut);
      StepResult warmGatewayOut = load.run("wgo", gatewayOut, Pace.fixed(rate), warm, drain);
      progress("gateway", warmGatewayOut);
      OUT.printf(
          Locale.ROOT,
          "warm-up: inbound relay %d/%d, gateway %d/%d; outbound relay %d/%d, gateway %d/%d delivered%n",
          warmRelay.delivered(),
          warmRelay.injected(),
          warmGateway.delivered(),
          warmGateway.injected(),
          warmRelayOut.delivered(),
          warmRelayOut.injected(),
          warmGatewayOut.delivered(),
          warmGatewayOut.injected());
      if (only.equals("outbound")) {
        StepResult[] outbound =
            pair(load, "ro", relayOut, "go", gatewayOut, Pace.saturating(window));
        return reportPair("outbound", "outbound_ratio", outbound)
                && warmGatewayOut.lost() + warmGatewayOut.doubled() == 0
            ? 0
            : 1;
      }
      Memory atStart = Memory.now();

      List<StepResult[]> steps = new ArrayList<>();
      Pace saturating = Pace.saturating(window);
      steps.add(pair(load, "rf", relayIn, "gf", gatewayIn, Pace.fixed(rate)));
      steps.add(pair(load, "rs", relayIn, "gs", gatewayIn, saturating));
      steps.add(pair(load, "ro", relayOut, "go", gatewayOut, saturating));
      Memory atEnd = Memory.now();

      boolean clean =
          report(steps, atStart, atEnd, coldStart, Duration.ofNanos(System.nanoTime() - began))
              && warmGateway.lost() == 0
              && warmGateway.doubled() == 0
              && warmGatewayOut.lost() == 0
              && warmGatewayOut.doubled() == 0;
      OUT.println(
          clean
              ? "RESULT: gateway path 0 lost, 0 doubled"
              : "RESULT: FAILED — gateway path lost or doubled messages");
      return clean ? 0 : 1;
    } finally {
      if (gatewayOut != null) {
        gatewayOut.close();
      }
      if (relayOut != null) {
        relayOut.close();
      }
      stopAll();
      if (mariaDb != null) {
        dropQuietly(mariaDb);
      }
      deleteFolder(data);
    }
  }

  /** Telegram → the no-op relay's line; first-time users land on a known line user there. */
  private InboundRoute relayInbound(int firstTimers) {
    return new InboundRoute(
        telegram,
        oneConnect,
        baselineBot.token(),
        baselineLine.id(),
        users,
        List.copyOf(baselineLineUsers.values()),
        firstTimers,
        true,
        nextNewUser);
  }

  /** One step of each path, relay first; prints a line for each as it ends. */
  private StepResult[] pair(
      LoadRun load,
      String relayTag,
      LoadRun.Route relayRoute,
      String gatewayTag,
      LoadRun.Route gatewayRoute,
      Pace pace) {
    StepResult base = load.run(relayTag, relayRoute, pace, step, drain);
    progress("no-op relay", base);
    StepResult gw = load.run(gatewayTag, gatewayRoute, pace, step, drain);
    progress("gateway", gw);
    return new StepResult[] {base, gw};
  }

  private static void progress(String path, StepResult r) {
    OUT.printf(
        Locale.ROOT,
        "  step %-3s %-11s %-26s %6d in, %6d out, %7.1f msg/s, p99 %8.1f ms, drained in %.1f s,"
            + " cpu %.2f ms/msg, JIT compiling %.1f s, load %s%n",
        r.tag(),
        path,
        r.pace(),
        r.injected(),
        r.delivered(),
        r.throughput(),
        r.percentileMs(99),
        r.drained().toMillis() / 1e3,
        r.cpuMsPerMessage(),
        r.compiling().toMillis() / 1e3,
        loadAverage());
  }

  private long coldStart() throws IOException, InterruptedException {
    Path fresh = Files.createTempDirectory("omnichannel-cold");
    try {
      return ColdStart.measure(
          ColdStart.environment(
              telegram.baseUrl(), oneConnect.baseUrl(), oneConnect.soapUrl(), management.id()),
          fresh,
          Duration.ofSeconds(60));
    } finally {
      deleteFolder(fresh);
    }
  }

  // ----------------------------------------------------------------------------------------------
  // set-up

  private void startEmulators() {
    telegram =
        TelegramEmulator.start(
            TelegramEmulatorConfig.defaults()
                .withRateLimits(RateLimits.off())
                .withCaps(20_000, 1_000, 100_000, 16L << 20));
    oneConnect =
        OneConnectEmulator.start(
            OneConnectEmulatorConfig.builder()
                .maxTranscriptEntriesPerChat(100_000)
                .maxRecordedRequests(200_000)
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
    world.addApiAccount(BASELINE_LOGIN, "b4se", company.id(), Map.of(baselineLine.id(), true));
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
    for (UserSpec user : users) {
      ClientUser clientUser = world.addClientUser(client.id(), user.firstName(), user.lastName());
      world.enableLine(clientUser.id(), baselineLine.id());
      baselineLineUsers.put(user.id(), clientUser.id());
    }
    String secret = UUID.randomUUID().toString().replace("-", "");
    relay =
        NoOpRelay.start(
            oneConnect.baseUrl(),
            BASELINE_LOGIN,
            "b4se",
            baselineLine.id(),
            baselineLineUsers,
            secret,
            telegram.baseUrl(),
            baselineBot.token(),
            16);
    HttpResponse<String> hook =
        http.send(
            HttpRequest.newBuilder(URI.create(oneConnect.baseUrl() + "/v1/hook/"))
                .header("Content-Type", "application/json")
                .header(
                    "Authorization",
                    "Basic "
                        + Base64.getEncoder()
                            .encodeToString(
                                (BASELINE_LOGIN + ":b4se").getBytes(StandardCharsets.UTF_8)))
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"type\":\"bot\",\"id\":\""
                            + baselineLine.id()
                            + "\",\"url\":\""
                            + relay.lineHookUrl()
                            + "\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (hook.statusCode() / 100 != 2) {
      throw new IllegalStateException(
          "hook for the baseline line: " + hook.statusCode() + " " + hook.body());
    }
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
                    .withApiBaseUrl(URI.create(telegram.baseUrl()))
                    .withPacing(PACING_OFF))
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
  // report

  /**
   * One pair of steps alone ({@code -Dbench.gateway.only}): its RESULT line and the most frequent
   * statements; true when the gateway lost and doubled nothing.
   */
  private boolean reportPair(String direction, String ratioKey, StepResult[] pair) {
    StepResult relayStep = pair[0];
    StepResult gw = pair[1];
    OUT.printf(
        Locale.ROOT,
        "RESULT %s db=%s relay_msgs_per_s=%.1f gateway_msgs_per_s=%.1f %s=%.2f"
            + " statements_per_msg=%.2f commits_per_msg=%.2f setautocommit_per_msg=%.2f"
            + " cpu_ms_per_msg=%.2f relay_cpu_ms_per_msg=%.2f lost=%d doubled=%d load %s%n",
        direction,
        dbName(),
        relayStep.throughput(),
        gw.throughput(),
        ratioKey,
        gw.throughput() / relayStep.throughput(),
        gw.perDelivered(gw.db().statements()),
        gw.perDelivered(gw.db().commits()),
        gw.perDelivered(gw.db().autoCommitSets()),
        gw.cpuMsPerMessage(),
        relayStep.cpuMsPerMessage(),
        gw.lost(),
        gw.doubled(),
        loadAverage());
    gw.db().top(24).forEach(line -> OUT.println("   sql " + line));
    return gw.lost() == 0 && gw.doubled() == 0;
  }

  /** Prints every step and the RESULT lines; true when the gateway lost and doubled nothing. */
  private boolean report(
      List<StepResult[]> steps, Memory atStart, Memory atEnd, long coldStartMs, Duration total) {
    OUT.println();
    OUT.println(
        "latency = arrival - the message's scheduled time (fixed rate); throughput = arrivals from"
            + " 2 s into the step to its end, per second; cpu = the whole process's CPU time over the"
            + " step per delivered message (emulators included; load does not change it)");
    OUT.printf(
        Locale.ROOT,
        "%-4s %-11s %-26s %7s %7s %5s %5s %5s %9s %8s %8s %8s %8s %8s %8s%n",
        "step",
        "path",
        "offered",
        "in",
        "out",
        "new",
        "lost",
        "dbl",
        "msg/s",
        "p50 ms",
        "p99 ms",
        "max ms",
        "lag ms",
        "drain s",
        "cpu ms");
    boolean clean = true;
    for (StepResult[] pair : steps) {
      for (int i = 0; i < 2; i++) {
        StepResult r = pair[i];
        OUT.printf(
            Locale.ROOT,
            "%-4s %-11s %-26s %7d %7d %5d %5d %5d %9.1f %8.1f %8.1f %8.1f %8.1f %8.1f %8.2f%n",
            r.tag(),
            i == 0 ? "no-op relay" : "gateway",
            r.pace(),
            r.injected(),
            r.delivered(),
            r.firstTimeUsers(),
            r.lost(),
            r.doubled(),
            r.throughput(),
            r.percentileMs(50),
            r.percentileMs(99),
            r.percentileMs(100),
            r.maxInjectorLag().toNanos() / 1e6,
            r.drained().toMillis() / 1e3,
            r.cpuMsPerMessage());
        if (i == 1) {
          clean &= r.lost() == 0 && r.doubled() == 0;
        }
      }
    }
    for (StepResult[] pair : steps) {
      StepResult gw = pair[1];
      CountingDriver.Counts db = gw.db();
      OUT.printf(
          Locale.ROOT,
          "%ngateway step %s (%s): per delivered message %.2f statements, %.2f commits, %.2f"
              + " rollbacks, %.2f setAutoCommit, %.2f pings; %.2f calls to 1C-Connect%n",
          gw.tag(),
          gw.pace(),
          gw.perDelivered(db.statements()),
          gw.perDelivered(db.commits()),
          gw.perDelivered(db.rollbacks()),
          gw.perDelivered(db.autoCommitSets()),
          gw.perDelivered(db.pings()),
          gw.perDelivered(gw.platformCallCount()));
      db.top(16).forEach(line -> OUT.println("   sql " + line));
      gw.platformCalls()
          .forEach((call, n) -> OUT.printf(Locale.ROOT, "  call %7d × %s%n", n, call));
      if (gw.firstTimeUsers() > 0) {
        long firstTimeMessages = gw.firstTimeUsers();
        long returningMessages = gw.delivered() - firstTimeMessages;
        Map<String, Long> byUser = gw.platformCallsByUser();
        OUT.printf(
            Locale.ROOT,
            "  calls to 1C-Connect per message: returning users %.2f (%d messages), first-time"
                + " users %.2f (%d messages), background %d calls%n",
            byUser.getOrDefault(LoadRun.RETURNING, 0L) / (double) Math.max(1, returningMessages),
            returningMessages,
            byUser.getOrDefault(LoadRun.FIRST_TIME, 0L) / (double) firstTimeMessages,
            firstTimeMessages,
            byUser.getOrDefault(LoadRun.OTHER, 0L));
      }
    }
    StepResult[] fixed = steps.get(0);
    StepResult[] inbound = steps.get(1);
    StepResult[] outbound = steps.get(2);
    double statements = 0;
    double commits = 0;
    for (StepResult[] pair : List.of(fixed, inbound)) {
      statements = Math.max(statements, pair[1].perDelivered(pair[1].db().statements()));
      commits = Math.max(commits, pair[1].perDelivered(pair[1].db().commits()));
    }
    OUT.println();
    OUT.println("memory of the whole process (both emulators, the no-op relay and the gateway):");
    OUT.printf(Locale.ROOT, "  %-31s %s%n", "set up and warmed, before steps", atStart);
    OUT.printf(Locale.ROOT, "  %-31s %s%n", "after the steps", atEnd);
    OUT.printf(
        Locale.ROOT, "total %.1f s, load average now %s%n", total.toMillis() / 1e3, loadAverage());
    int lost = 0;
    int doubled = 0;
    for (StepResult[] pair : steps) {
      lost += pair[1].lost();
      doubled += pair[1].doubled();
    }
    OUT.printf(
        Locale.ROOT,
        "RESULT db=%s relay_msgs_per_s=%.1f gateway_msgs_per_s=%.1f saturation_ratio=%.2f"
            + " statements_per_msg=%.2f commits_per_msg=%.2f platform_calls_per_msg=%.2f"
            + " added_p99_ms_at_100=%.1f outbound_ratio=%.2f lost=%d doubled=%d%n",
        dbName(),
        inbound[0].throughput(),
        inbound[1].throughput(),
        inbound[1].throughput() / inbound[0].throughput(),
        statements,
        commits,
        fixed[1].perDelivered(fixed[1].platformCallCount()),
        fixed[1].percentileMs(99) - fixed[0].percentileMs(99),
        outbound[1].throughput() / outbound[0].throughput(),
        lost,
        doubled);
    if (database.equals("h2")) {
      OUT.printf(Locale.ROOT, "RESULT cold_start_ms=%d%n", coldStartMs);
    }
    return clean;
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
