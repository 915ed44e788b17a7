package io.omnichannel.launcher.bench;

import io.omnichannel.core.domain.AccountId;
import io.omnichannel.core.domain.ApiAccount;
import io.omnichannel.core.domain.BotAccess;
import io.omnichannel.core.domain.BotId;
import io.omnichannel.core.domain.BotProfile;
import io.omnichannel.core.domain.BotToken;
import io.omnichannel.core.domain.ChannelAccount;
import io.omnichannel.core.domain.ChannelCatalog;
import io.omnichannel.core.domain.ChannelKind;
import io.omnichannel.core.domain.ChatId;
import io.omnichannel.core.domain.ChatKind;
import io.omnichannel.core.domain.CompanyId;
import io.omnichannel.core.domain.Connection;
import io.omnichannel.core.domain.ConnectionId;
import io.omnichannel.core.domain.ConnectionState;
import io.omnichannel.core.domain.HookCredentials;
import io.omnichannel.core.domain.Keyboard;
import io.omnichannel.core.domain.Line;
import io.omnichannel.core.domain.LineAvailability;
import io.omnichannel.core.domain.LineId;
import io.omnichannel.core.domain.OutboundPost;
import io.omnichannel.core.domain.OutboxMessage;
import io.omnichannel.core.domain.PlatformUserId;
import io.omnichannel.core.domain.Secret;
import io.omnichannel.core.domain.TechnicalClient;
import io.omnichannel.core.domain.TechnicalClientId;
import io.omnichannel.core.port.in.InboundGateway;
import io.omnichannel.core.port.out.LineRelay;
import io.omnichannel.core.port.out.Outbox;
import io.omnichannel.core.usecase.DeliveringToChannel;
import io.omnichannel.core.usecase.RetryPolicy;
import io.omnichannel.core.usecase.SendingOutbox;
import io.omnichannel.launcher.WakingClosedSenders;
import io.omnichannel.launcher.WakingOutbox;
import io.omnichannel.launcher.work.DueWakeups;
import io.omnichannel.launcher.work.WorkerPool;
import io.omnichannel.persistence.Persistence;
import io.omnichannel.persistence.PersistenceConfig;
import io.omnichannel.telegram.Telegram;
import io.omnichannel.telegram.TelegramConfig;
import io.omnichannel.testkit.mariadb.ScratchMariaDb;
import io.omnichannel.testkit.telegram.BotInfo;
import io.omnichannel.testkit.telegram.RateLimits;
import io.omnichannel.testkit.telegram.TelegramEmulator;
import io.omnichannel.testkit.telegram.TelegramEmulatorConfig;
import io.omnichannel.testkit.telegram.UserSpec;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Issue 14's benchmark (not a test: {@code ./mvnw -B -ntp -pl app-launcher -am verify -DskipTests
 * -Dbench.pacing}): several bots × many private chats, outbound only, at Telegram's real limits in
 * the emulator, sent by two instances — each with its own pool, outbox workers and Telegram adapter
 * — on one MariaDB database. Both instances first send a warm-up of their own (six rounds of three
 * other bots' 50 chats × 6 messages, ≈10 s each: the first sends of a fresh JVM load classes and
 * open connections for ≈0.5 s each, and until the JIT has compiled the sending path a send costs
 * 1.5-2× the CPU and the compiler takes much of a core — the cold start's business, not the pacing
 * of a running service); then the outbox is filled and both start again; the run ends when the
 * emulator holds every message. Prints {@code RESULT shared_pacing too_many_requests=<n>
 * of_ideal=<x> blocked_workers=<n>}: 429 answers (then, per bot, by the window that refused them
 * and how early they came), the time the limits allow over the time taken, and the most outbox
 * workers ever seen parked inside the Telegram adapter's pacing (sampled every 50 ms), then where
 * the time went ({@link SendTrace}) and the CPU each send cost this JVM (the gateway's workers, the
 * emulator) and the MariaDB server ({@link CpuUse}): on two cores the run is bound by it. The clock
 * starts when the measured rows are stored, as the workers start again. Properties: {@code
 * bench.pacing.bots} (3), {@code bench.pacing.chats} (per bot, 50), {@code bench.pacing.messages}
 * (per chat, 6), {@code bench.pacing.workers} (per instance, 8), {@code bench.pacing.warmUpBots}
 * (3), {@code bench.pacing.warmUpMessages} (per chat and round, 6), {@code
 * bench.pacing.warmUpRounds} (6).
 */
public final class SharedPacingBenchmark {
  private static final Duration LEASE = Duration.ofSeconds(10);

  private SharedPacingBenchmark() {}

  public static void main(String[] args) throws Exception {
    int bots = Integer.getInteger("bench.pacing.bots", 3);
    int chats = Integer.getInteger("bench.pacing.chats", 50);
    int messages = Integer.getInteger("bench.pacing.messages", 6);
    int workers = Integer.getInteger("bench.pacing.workers", 8);
    Path data = Files.createTempDirectory("pacing-bench");
    CountingDriver.install();
    Clock clock = Clock.systemUTC();
    try (TelegramEmulator telegram =
            TelegramEmulator.start(
                TelegramEmulatorConfig.defaults().withRateLimits(RateLimits.real()));
        ScratchMariaDb mariaDb = ScratchMariaDb.create()) {
      PersistenceConfig database =
          PersistenceConfig.server(mariaDb.url(), mariaDb.user(), mariaDb.password(), data);
      List<BotInfo> infos = new ArrayList<>();
      List<CompletableFuture<?>> everySent = new ArrayList<>();
      try (Persistence setup = Persistence.open(database, clock, "bench-setup")) {
        for (int b = 0; b < bots; b++) {
          BotInfo bot = addBot(telegram, setup, b, chats, clock);
          infos.add(bot);
          everySent.addAll(sentFutures(telegram, bot, b, chats, messages));
        }
        // bots of their own for the warm-up: their windows are not the measured bots'
        int warmUpBots = Integer.getInteger("bench.pacing.warmUpBots", WARM_UP_BOTS);
        for (int b = bots; b < bots + warmUpBots; b++) {
          infos.add(addBot(telegram, setup, b, chats, clock));
        }

        SendTrace trace = new SendTrace();
        List<Instance> instances =
            List.of(
                new Instance(database, telegram.baseUrl(), "bench-1", workers, clock, trace),
                new Instance(database, telegram.baseUrl(), "bench-2", workers, clock, trace));
        // the first sends of a fresh JVM load classes and open connections for ≈0.5 s each, and
        // the JIT compiles the sending path for seconds more: what is measured here is the pacing
        // of running instances, their boot is the cold start's
        warmUp(
            telegram,
            setup.outbox(),
            infos.subList(bots, bots + warmUpBots),
            bots,
            chats,
            instances);
        // a running service has probed its bots' health (getMe) long before: its Telegram client
        // of each bot is built (tens of ms while its sends wait, the first time in a JVM)
        for (int b = 0; b < bots; b++) {
          BotAccess bot = setup.connections().find(connectionId(b)).orElseThrow().botAccess();
          instances.forEach(instance -> instance.probe(bot));
        }
        enqueue(setup.outbox(), 0, bots, chats, 0, messages);
        measure(telegram, infos, everySent, instances, trace, bots, chats, messages, workers);
        instances.forEach(Instance::close);
      }
    }
    System.exit(0);
  }

  private static final int WARM_UP_BOTS = 3;
  private static final int WARM_UP_MESSAGES = 6;

  /**
   * Rounds of the warm-up: the JIT compiles a method called once per send (C2, at ≈5,000 calls)
   * only after thousands of sends, for seconds on end on two cores. After one round of 300 sends
   * the JIT compiled for 8 of the measured 10 s and the process spent ≈4.8 ms of CPU a send besides
   * its Java threads (a fifth of the two cores); after six rounds of 900 it compiles ≈1.5 s a
   * round, and a measured send costs the whole JVM 4.6–6.1 ms of CPU where it cost 9.8–10.5.
   */
  private static final int WARM_UP_ROUNDS = 6;

  /**
   * Sends {@code bench.pacing.warmUpRounds} rounds of {@code bench.pacing.warmUpMessages} messages
   * to as many chats of the warm-up bots as the measured bots have, at their limits as the measured
   * sends; each round printed with how long the JIT compiled in it.
   */
  private static void warmUp(
      TelegramEmulator telegram,
      Outbox outbox,
      List<BotInfo> warmUpBots,
      int firstBot,
      int chats,
      List<Instance> instances)
      throws Exception {
    int messages = Integer.getInteger("bench.pacing.warmUpMessages", WARM_UP_MESSAGES);
    int rounds = Integer.getInteger("bench.pacing.warmUpRounds", WARM_UP_ROUNDS);
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    for (int round = 1; round <= rounds; round++) {
      long compiledBefore = jit.getTotalCompilationTime();
      long started = System.nanoTime();
      List<CompletableFuture<?>> sent = new ArrayList<>();
      for (int b = 0; b < warmUpBots.size(); b++) {
        sent.addAll(
            sentFutures(telegram, warmUpBots.get(b), firstBot + b, chats, messages * round));
      }
      enqueue(outbox, firstBot, warmUpBots.size(), chats, messages * (round - 1), messages);
      instances.forEach(Instance::start);
      CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(1, TimeUnit.MINUTES);
      instances.forEach(Instance::stop);
      long compiled = jit.getTotalCompilationTime() - compiledBefore;
      System.out.printf(
          Locale.ROOT,
          "warm-up round %d: %d sends in %.1f s, the JIT compiled for %d ms%n",
          round,
          warmUpBots.size() * chats * messages,
          (System.nanoTime() - started) / 1e9,
          compiled);
    }
  }

  /** A bot with {@code chats} private chats, its connection and accounts stored. */
  private static BotInfo addBot(
      TelegramEmulator telegram, Persistence setup, int b, int chats, Clock clock) {
    BotInfo bot = telegram.createBot("Bench " + b, "bench_" + b + "_bot");
    Connection connection = connection(bot, b, clock.instant());
    setup.connections().insert(connection);
    for (int c = 0; c < chats; c++) {
      long user = userId(b, c);
      telegram.bot(bot.token()).user(UserSpec.of(user, "User" + user)).sendsText("hi");
      setup.accounts().insert(account(connection, user, clock.instant()));
    }
    return bot;
  }

  /** One future per chat of bot {@code b}, done once the emulator holds {@code total} for it. */
  private static List<CompletableFuture<?>> sentFutures(
      TelegramEmulator telegram, BotInfo bot, int b, int chats, int total) {
    List<CompletableFuture<?>> sent = new ArrayList<>();
    for (int c = 0; c < chats; c++) {
      sent.add(telegram.sentFuture(bot.token(), userId(b, c), total));
    }
    return sent;
  }

  /** Message after message, each to every chat of bots {@code from}.. in turn. */
  private static void enqueue(
      Outbox outbox, int from, int bots, int chats, int firstMessage, int messages) {
    for (int m = firstMessage; m < firstMessage + messages; m++) {
      for (int b = from; b < from + bots; b++) {
        for (int c = 0; c < chats; c++) {
          long user = userId(b, c);
          outbox.enqueue(
              new OutboxMessage(
                  connectionId(b),
                  new ChatId(Long.toString(user)),
                  accountId(b, user),
                  new OutboundPost.Text(user + "#" + m, Keyboard.UNCHANGED),
                  "bench:" + user + ":" + m));
        }
      }
    }
  }

  private static long userId(int bot, int chat) {
    return 10_000L * (bot + 1) + chat;
  }

  private static void measure(
      TelegramEmulator telegram,
      List<BotInfo> infos,
      List<CompletableFuture<?>> everySent,
      List<Instance> instances,
      SendTrace trace,
      int bots,
      int chats,
      int messages,
      int workers)
      throws Exception {
    Clock clock = Clock.systemUTC();
    AtomicInteger blocked = new AtomicInteger();
    ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
    sampler.scheduleAtFixedRate(
        () -> blocked.accumulateAndGet(parkedInPacing(), Math::max), 50, 50, TimeUnit.MILLISECONDS);
    CountingDriver.Counts before = CountingDriver.now();
    CpuUse cpuBefore = CpuUse.now();
    long started = System.nanoTime();
    trace.start(clock.instant());
    instances.forEach(Instance::start);
    CompletableFuture.allOf(everySent.toArray(CompletableFuture[]::new)).get(10, TimeUnit.MINUTES);
    double seconds = (System.nanoTime() - started) / 1e9;
    CountingDriver.Counts sending = CountingDriver.now().minus(before);
    sampler.shutdownNow();
    double sends = (double) bots * chats * messages;
    String cpu = CpuUse.now().since(cpuBefore, sends);
    System.out.printf(
        Locale.ROOT,
        "per send: %.2f statements, %.2f commits, %.2f setAutoCommit, %.2f rollbacks"
            + " (load %s)%n",
        sending.statements() / sends,
        sending.commits() / sends,
        sending.autoCommitSets() / sends,
        sending.rollbacks() / sends,
        Files.readString(Path.of("/proc/loadavg")).trim());
    System.out.println("CPU per send: " + cpu);
    sending.top(12).forEach(line -> System.out.println("   sql " + line));

    long tooMany = infos.stream().mapToLong(b -> telegram.tooManyRequestsCount(b.token())).sum();
    double ideal = idealSeconds(chats * messages, messages, RateLimits.real());
    System.out.printf(
        Locale.ROOT,
        "%d bots × %d chats × %d messages on two instances (%d workers each): %.1f s, the"
            + " limits allow %.1f s%n",
        bots,
        chats,
        messages,
        workers,
        seconds,
        ideal);
    System.out.printf(
        Locale.ROOT,
        "RESULT shared_pacing too_many_requests=%d of_ideal=%.2f blocked_workers=%d%n",
        tooMany,
        ideal / seconds,
        blocked.get());
    for (BotInfo bot : infos) {
      // which window refused each 429, and how early the send came: a clock, a rounding or a slot
      System.out.println("   429s of bot " + bot.id() + ": " + telegram.refusals(bot.token()));
    }
    trace
        .breakdown(RateLimits.real().botMessages(), RateLimits.real().botWindow())
        .forEach(line -> System.out.println("   " + line));
  }

  /**
   * The shortest time the emulator's limits allow: a bot's 30 per second (sliding) for all its
   * messages, a private chat's burst of 3 then 1 per second for its own.
   */
  private static double idealSeconds(int perBot, int perChat, RateLimits limits) {
    double bot =
        Math.ceil((double) perBot / limits.botMessages() - 1) * limits.botWindow().toMillis();
    double chat =
        Math.max(0, perChat - limits.privateChatBurst()) * limits.privateChatRefill().toMillis();
    return Math.max(bot, chat) / 1000;
  }

  /**
   * Outbox workers parked (waiting, sleeping) by the Telegram adapter's pacing itself: the thread
   * sleeps, parks or waits on a monitor, and the gateway's innermost frame is a pacing class (a
   * worker waiting for an HTTP answer while it sends is not waiting for a slot, nor is one the JVM
   * holds for a moment, e.g. while another thread initialises a class).
   */
  private static int parkedInPacing() {
    int parked = 0;
    for (var entry : Thread.getAllStackTraces().entrySet()) {
      Thread thread = entry.getKey();
      Thread.State state = thread.getState();
      boolean waiting = state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING;
      if (waiting && thread.getName().startsWith("outbox-worker")) {
        List<StackTraceElement> frames = Arrays.asList(entry.getValue());
        Optional<StackTraceElement> innermost =
            frames.stream()
                .filter(frame -> frame.getClassName().startsWith("io.omnichannel."))
                .findFirst();
        boolean parksItself =
            innermost.isPresent()
                && frames.subList(0, frames.indexOf(innermost.get())).stream()
                    .anyMatch(SharedPacingBenchmark::parks);
        if (parksItself && innermost.get().getClassName().contains("Pac")) {
          parked++;
        }
      }
    }
    return parked;
  }

  /** A frame that puts its thread to sleep or waiting. */
  private static boolean parks(StackTraceElement frame) {
    String method = frame.getClassName() + "." + frame.getMethodName();
    return method.equals("java.lang.Thread.sleep")
        || method.equals("java.lang.Object.wait")
        || method.endsWith("Unsafe.park");
  }

  private static ConnectionId connectionId(int bot) {
    return new ConnectionId("bench-connection-" + bot);
  }

  private static AccountId accountId(int bot, long user) {
    return new AccountId("bench-account-" + bot + "-" + user);
  }

  private static Connection connection(BotInfo bot, int index, Instant now) {
    CompanyId company = new CompanyId("bench-company-" + index / 5); // 5 bots a company at most
    return new Connection(
        connectionId(index),
        company,
        new ChannelKind("Telegram"),
        new Line(
            new LineId("bench-line-" + index),
            company,
            "Линия " + index,
            LineAvailability.CLIENTS_AND_SPECIALISTS),
        new BotProfile(new BotId(Long.toString(bot.id())), bot.username(), bot.firstName()),
        BotToken.of(bot.token()),
        new TechnicalClient(new TechnicalClientId("bench-tc-" + index), "Telegram: " + index),
        new ApiAccount("bench-api-" + index, Secret.of("bench-password")),
        "a".repeat(64),
        new HookCredentials("bench-hook-" + index, Secret.of("bench-hook-password")),
        ConnectionState.ACTIVE,
        now,
        Optional.empty());
  }

  private static ChannelAccount account(Connection connection, long user, Instant now) {
    int bot = Integer.parseInt(connection.id().value().substring("bench-connection-".length()));
    return ChannelAccount.opened(
        accountId(bot, user),
        connection.id(),
        new ChatId(Long.toString(user)),
        ChatKind.PRIVATE,
        1,
        "User" + user,
        Optional.empty(),
        new PlatformUserId("bench-user-" + user),
        now);
  }

  /** The outbound half of one gateway instance: its pool, adapter and outbox workers. */
  private static final class Instance {
    private final Persistence persistence;
    private final Telegram telegram;
    private final DueWakeups wakeups;
    private final SendingOutbox sending;
    private final int workers;
    private volatile WorkerPool pool;

    Instance(
        PersistenceConfig database,
        String telegramUrl,
        String name,
        int workers,
        Clock clock,
        SendTrace trace) {
      persistence = Persistence.open(database, clock, name);
      TelegramConfig config =
          TelegramConfig.of(
                  TelegramConfig.ReceiveMode.WEBHOOK, URI.create("http://127.0.0.1:9"), name)
              .withApiBaseUrl(URI.create(telegramUrl));
      telegram =
          Telegram.create(
              config,
              unused(InboundGateway.class),
              persistence.pollingLeases(),
              trace.budget(name, persistence.sendingBudget()),
              clock);
      DeliveringToChannel delivering =
          new DeliveringToChannel(
              telegram.messengerChannel(),
              new ChannelCatalog(List.of(telegram.messengerChannel().describe())),
              unused(LineRelay.class),
              persistence.connections(),
              persistence.accounts(),
              persistence.droppedMessages(),
              clock);
      wakeups = new DueWakeups(this::wake, clock);
      Outbox outbox =
          new WakingOutbox(
              trace.outbox(name, persistence.outbox()),
              persistence.outboxDueRows(),
              () -> {},
              wakeups,
              Runnable::run);
      sending =
          new SendingOutbox(
              outbox,
              new WakingClosedSenders(
                  trace.closedSenders(name, persistence.outboxClosedSenders()), wakeups),
              delivering,
              RetryPolicy.standard(),
              LEASE,
              clock);
      this.workers = workers;
    }

    private void wake() {
      WorkerPool running = pool;
      if (running != null) {
        running.wake();
      }
    }

    void probe(BotAccess bot) {
      telegram.messengerChannel().probe(bot);
    }

    /** Starts a pool of outbox workers (again after {@link #stop}). */
    void start() {
      pool = new WorkerPool("outbox", sending, workers, Duration.ofSeconds(1), LEASE.dividedBy(5));
      pool.start();
    }

    void stop() {
      WorkerPool running = pool;
      pool = null;
      if (running != null) {
        try {
          running.stop(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }

    void close() {
      stop();
      wakeups.close();
      telegram.close();
      persistence.close();
    }
  }

  /** A port the outbound path never calls here (no blocked user, no oversized file). */
  private static <T> T unused(Class<T> port) {
    return port.cast(
        Proxy.newProxyInstance(
            port.getClassLoader(),
            new Class<?>[] {port},
            (proxy, method, arguments) -> {
              if (method.getDeclaringClass() == Object.class) {
                return method.getName().equals("toString") ? port.getSimpleName() : null;
              }
              throw new UnsupportedOperationException(
                  port.getSimpleName() + "." + method.getName());
            }));
  }
}
