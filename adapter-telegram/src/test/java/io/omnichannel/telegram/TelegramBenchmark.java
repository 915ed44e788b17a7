package io.omnichannel.telegram;

import io.javalin.Javalin;
import io.omnichannel.core.domain.Connection;
import io.omnichannel.core.domain.ConnectionId;
import io.omnichannel.core.domain.Secret;
import io.omnichannel.core.port.in.Admission;
import io.omnichannel.core.port.in.RawEvent;
import io.omnichannel.core.port.out.ChannelUpdateDecoder;
import io.omnichannel.testkit.telegram.BotInfo;
import io.omnichannel.testkit.telegram.UserSpec;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One run, two figures (not a test): webhook updates/s mapped and handed to a no-op core; heap and
 * threads with 1,000 bots long polling the emulator. (Sending at Telegram's limits is measured by
 * the launcher's {@code SharedPacingBenchmark}: the adapter alone no longer waits for a slot.) Run:
 * {@code ./mvnw -B -ntp -pl adapter-telegram -am -Pbench -DskipTests verify} (optional arguments:
 * {@code webhook polling} to pick parts).
 */
public final class TelegramBenchmark {
  private TelegramBenchmark() {}

  public static void main(String[] args) throws Exception {
    List<String> parts =
        args.length == 0 ? List.of("polling", "webhook") : List.of(args[0].split(","));
    if (parts.contains("polling")) {
      polling(1_000);
    }
    if (parts.contains("webhook")) {
      webhook();
    }
    System.exit(0);
  }

  /**
   * The core's driving port doing nothing but count, after the adapter's decoder mapped the update.
   */
  private static final class NoOpCore extends PollingTest.DelegatingGateway {
    private final AtomicLong accepted = new AtomicLong();
    private ChannelUpdateDecoder decoder;

    NoOpCore() {
      super(null);
    }

    @Override
    public Admission admitWebhookUpdate(ConnectionId id, String presentedSecret) {
      Admission.Admitted admitted = update -> acceptPolledUpdate(id, update);
      return admitted;
    }

    @Override
    public Acceptance acceptPolledUpdate(ConnectionId id, RawEvent update) {
      decoder.decode(update.payload());
      accepted.incrementAndGet();
      return Acceptance.STORED;
    }
  }

  private static void webhook() throws Exception {
    int total = 20_000;
    int concurrency = 16;
    try (World world = new World()) {
      NoOpCore core = new NoOpCore();
      Telegram telegram = world.telegram(world.config(TelegramConfig.ReceiveMode.WEBHOOK), core);
      core.decoder = telegram.updateDecoder();
      handlerOnly(telegram.webhookHandler(), core, total);
      // the launcher mounts the handler in its HTTP server; Javalin (Jetty) stands in for it here
      Javalin server =
          Javalin.create()
              .post(
                  "/hooks/telegram/{id}",
                  ctx -> {
                    Telegram.WebhookResponse response =
                        telegram
                            .webhookHandler()
                            .handle(
                                ctx.pathParam("id"),
                                ctx.header("X-Telegram-Bot-Api-Secret-Token"),
                                ctx::bodyAsBytes);
                    ctx.status(response.status())
                        .contentType("application/json")
                        .result(response.body());
                  })
              .start("127.0.0.1", 0);
      try {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI url = URI.create("http://127.0.0.1:" + server.port() + "/hooks/telegram/c-1");
        Semaphore inFlight = new Semaphore(concurrency);
        List<CompletableFuture<HttpResponse<Void>>> all = new ArrayList<>();
        for (int warm = 0; warm < 2; warm++) {
          long started = System.nanoTime();
          core.accepted.set(0);
          all.clear();
          for (int i = 0; i < total; i++) {
            String body = update(i);
            inFlight.acquire();
            all.add(
                client
                    .sendAsync(
                        HttpRequest.newBuilder(url)
                            .header("X-Telegram-Bot-Api-Secret-Token", "secret")
                            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                            .build(),
                        HttpResponse.BodyHandlers.discarding())
                    .whenComplete((r, e) -> inFlight.release()));
          }
          CompletableFuture.allOf(all.toArray(new CompletableFuture<?>[0])).join();
          double seconds = (System.nanoTime() - started) / 1e9;
          if (warm == 1) {
            report(
                "webhook: %,d POSTs (%d concurrent) mapped and handed to a no-op core in %.2f s = %,.0f updates/s",
                core.accepted.get(), concurrency, seconds, core.accepted.get() / seconds);
          }
        }
      } finally {
        server.stop();
      }
    }
  }

  private static String update(int i) {
    return "{\"update_id\":"
        + i
        + ",\"message\":{\"message_id\":"
        + i
        + ",\"date\":1764410000,"
        + "\"from\":{\"id\":42,\"is_bot\":false,\"first_name\":\"Alice\",\"last_name\":\"Smith\"},"
        + "\"chat\":{\"id\":"
        + (1000 + i % 500)
        + ",\"type\":\"private\",\"first_name\":\"Alice\"},"
        + "\"text\":\"Здравствуйте, вопрос номер "
        + i
        + "\"}}";
  }

  /**
   * The handler called in-process: what the adapter itself costs per update, without any HTTP
   * server.
   */
  private static void handlerOnly(Telegram.WebhookHandler handler, NoOpCore core, int total) {
    for (int round = 0; round < 2; round++) {
      core.accepted.set(0);
      long started = System.nanoTime();
      for (int i = 0; i < total * 5; i++) {
        byte[] body = update(i).getBytes(StandardCharsets.UTF_8);
        handler.handle("c-1", "secret", () -> body);
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      if (round == 1) {
        report(
            "webhook handler in-process (parse + decode, one thread): %,d updates in %.2f s = %,.0f updates/s",
            core.accepted.get(), seconds, core.accepted.get() / seconds);
      }
    }
  }

  private static void polling(int bots) throws Exception {
    try (World world = new World()) {
      NoOpCore core = new NoOpCore();
      TelegramConfig config =
          world
              .config(TelegramConfig.ReceiveMode.POLLING)
              .withTimeouts(
                  TelegramConfig.Timeouts.defaults().withLongPoll(Duration.ofSeconds(25)));
      int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
      long heapBefore = heapUsed();
      Telegram telegram = world.telegram(config, core);
      core.decoder = telegram.updateDecoder();
      List<BotInfo> infos = new ArrayList<>();
      long started = System.nanoTime();
      for (int i = 0; i < bots; i++) {
        BotInfo bot = world.newBot();
        infos.add(bot);
        Connection connection = world.connect(bot);
        telegram
            .messengerChannel()
            .startReceiving(connection.id(), connection.botAccess(), Secret.of("unused"));
      }
      for (BotInfo bot : infos) {
        world.emulator.awaitPolling(bot.token(), Duration.ofSeconds(60));
      }
      double startSeconds = (System.nanoTime() - started) / 1e9;
      int threads = ManagementFactory.getThreadMXBean().getThreadCount();
      long adapterThreads =
          Thread.getAllStackTraces().keySet().stream()
              .filter(
                  t ->
                      t.getName().startsWith("telegram-io")
                          || t.getName().startsWith("telegram-timer")
                          || t.getName().startsWith("HttpClient"))
              .count();
      long heap = heapUsed();
      report(
          "polling: %,d bots long polling (all held by the emulator) after %.1f s",
          telegram.pollingBots(), startSeconds);
      report(
          "polling: live threads %d (before: %d, adapter's own incl. JDK HttpClient selectors: %d); heap used %,d MB (before: %,d MB; emulator in the same JVM)",
          threads, threadsBefore, adapterThreads, heap >> 20, heapBefore >> 20);
      long deliver = System.nanoTime();
      for (BotInfo bot : infos) {
        world.emulator.bot(bot.token()).user(UserSpec.of(42, "Alice")).sendsText("hi");
      }
      while (core.accepted.get() < bots) {
        Thread.onSpinWait();
      }
      report(
          "polling: one update to each of %,d bots handed to the core in %.2f s",
          bots, (System.nanoTime() - deliver) / 1e9);
    }
  }

  private static long heapUsed() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    Runtime runtime = Runtime.getRuntime();
    return runtime.totalMemory() - runtime.freeMemory();
  }

  private static void report(String format, Object... args) {
    System.out.println("[bench] " + String.format(Locale.ROOT, format, args));
  }
}
