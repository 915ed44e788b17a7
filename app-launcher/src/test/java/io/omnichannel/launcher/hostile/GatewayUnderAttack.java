package io.omnichannel.launcher.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.core.domain.HookCredentials;
import io.omnichannel.core.domain.LineId;
import io.omnichannel.core.domain.RandomTokens;
import io.omnichannel.core.domain.Secret;
import io.omnichannel.launcher.Omnichannel;
import io.omnichannel.oneconnect.OneConnectConfig;
import io.omnichannel.persistence.PersistenceConfig;
import io.omnichannel.telegram.TelegramConfig;
import io.omnichannel.testkit.mariadb.ScratchMariaDb;
import io.omnichannel.testkit.oneconnect.Company;
import io.omnichannel.testkit.oneconnect.HookRegistration;
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
import io.omnichannel.testkit.telegram.WebhookDelivery;
import io.omnichannel.testkit.telegram.WebhookRetryPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The whole gateway on H2 or MariaDB, receiving Telegram by webhook, between the two emulators,
 * with what an attacker aims at: a connected bot (its connection id, webhook secret and line hook
 * back-auth), the management hook and a pending confirmation link. Everything goes over loopback
 * HTTP.
 */
final class GatewayUnderAttack implements AutoCloseable {
  static final Duration WAIT = Duration.ofSeconds(20);
  static final String ADMIN_TOKEN = "hostile-admin-token-0123456789";
  private static final Pattern LINK =
      Pattern.compile("http://127\\.0\\.0\\.1:\\d+/confirm/([A-Za-z0-9_-]+)");
  private static final AtomicInteger NAMES = new AtomicInteger();
  private static final AtomicLong USER_IDS = new AtomicLong(900_000);

  final TelegramEmulator telegram;
  final OneConnectEmulator oneConnect;
  final HookCredentials managementHook = HookCredentials.random(RandomTokens.secure());
  final Omnichannel gateway;
  final int port;
  private final Path data;
  private final HttpClient http = HttpClient.newHttpClient();
  private final Line management;
  private final Company company;
  private final Specialist specialist;
  private final ScratchMariaDb mariaDb;

  /** The connected bot and what its hooks take. */
  final BotInfo bot;

  final Line line;
  final String connectionId;
  final String webhookSecret;
  final HookRegistration lineHook;

  private GatewayUnderAttack(boolean onMariaDb) throws Exception {
    data = Files.createTempDirectory("omnichannel-hostile");
    mariaDb = onMariaDb ? ScratchMariaDb.create() : null;
    PersistenceConfig persistence =
        onMariaDb
            ? PersistenceConfig.server(mariaDb.url(), mariaDb.user(), mariaDb.password(), data)
            : PersistenceConfig.embedded(data);
    telegram =
        TelegramEmulator.start(
            TelegramEmulatorConfig.defaults()
                .withRateLimits(RateLimits.off())
                .withWebhookRetry(
                    new WebhookRetryPolicy(
                        Duration.ofMillis(50), Duration.ofMillis(500), Duration.ofSeconds(5))));
    oneConnect =
        OneConnectEmulator.start(
            OneConnectEmulatorConfig.builder()
                .hookInitialBackoff(Duration.ofMillis(50))
                .hookMaxBackoff(Duration.ofSeconds(1))
                .hookMaxAttempts(200)
                .build());
    Company vendor = oneConnect.world().addCompany("1С-Коннект", true);
    management =
        oneConnect.world().addManagementLine(vendor.id(), "1С-Коннект: Управление каналами");
    oneConnect
        .world()
        .addApiAccount("gateway", "gw-pass", vendor.id(), Map.of(management.id(), true));
    oneConnect.world().grantPartnerAccess("gateway");
    port = freePort();
    URI base = URI.create("http://127.0.0.1:" + port);
    gateway =
        Omnichannel.builder()
            .persistence(persistence)
            .publicBaseUrl(base)
            .telegram(
                TelegramConfig.of(TelegramConfig.ReceiveMode.WEBHOOK, base, "hostile-1")
                    .withApiBaseUrl(URI.create(telegram.baseUrl()))
                    .withPacing(TelegramConfig.Pacing.telegram().scaled(0.02)))
            .oneConnect(
                OneConnectConfig.of(
                        "gateway", Secret.of("gw-pass"), new LineId(management.id()), base)
                    .withEndpoints(
                        URI.create(oneConnect.baseUrl()), URI.create(oneConnect.soapUrl())))
            .adminToken(Secret.of(ADMIN_TOKEN))
            .managementHook(managementHook)
            .httpServer("127.0.0.1", port)
            .workers(2)
            .build()
            .start();

    company = oneConnect.world().addCompany("Ромашка " + NAMES.incrementAndGet(), true);
    specialist = oneConnect.world().addSpecialist(company.id(), "Анна", "Иванова");
    line =
        oneConnect
            .world()
            .addLine(company.id(), "Поддержка", LineAvailability.CLIENTS_AND_SPECIALISTS);
    oneConnect.world().addApiAccount("api-support", "pw", company.id(), Map.of(line.id(), true));
    bot = newBot();
    String token = linkToken(specialist, line, bot);
    HttpResponse<String> confirmed = submit(token, "api-support", "pw");
    assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);

    UserSpec first = newUser();
    telegram.bot(bot.token()).user(first).sendsText("первое сообщение");
    WebhookDelivery delivery = telegram.awaitWebhookDeliveries(bot.token(), 1, WAIT).get(0);
    webhookSecret = delivery.secretToken();
    connectionId = delivery.url().substring(delivery.url().lastIndexOf('/') + 1);
    lineHook =
        oneConnect.world().hooks().stream()
            // the hook URL carries the connection's path secret after a dot
            .filter(hook -> hook.url().contains("/hooks/oneconnect/" + connectionId + "."))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no hook for " + connectionId));
    awaitInLine("первое сообщение");
  }

  /** The specialist of the connected line's company. */
  String specialistId() {
    return specialist.id();
  }

  /** On the embedded H2 database. */
  static GatewayUnderAttack onH2() throws Exception {
    return new GatewayUnderAttack(false);
  }

  /** On a fresh database of the MariaDB server (the test is skipped when there is none). */
  static GatewayUnderAttack onMariaDb() throws Exception {
    return new GatewayUnderAttack(true);
  }

  /**
   * A fresh pending confirmation link's token: a connect request for a new bot to a new line, by a
   * specialist of its own (a specialist's dialog holds one pending link at a time).
   */
  String pendingLinkToken() {
    int n = NAMES.incrementAndGet();
    Line another =
        oneConnect
            .world()
            .addLine(company.id(), "Линия " + n, LineAvailability.CLIENTS_AND_SPECIALISTS);
    Specialist asking = oneConnect.world().addSpecialist(company.id(), "Олег", "Сидоров " + n);
    return linkToken(asking, another, newBot());
  }

  BotInfo newBot() {
    int n = NAMES.incrementAndGet();
    return telegram.createBot("Ромашка " + n, "hostile_" + n + "_bot");
  }

  static UserSpec newUser() {
    long id = USER_IDS.incrementAndGet();
    return UserSpec.of(id, "Иван", "Петров " + id, "ivan" + id);
  }

  /** Waits until a text the user wrote to the bot was posted into the connected line. */
  void awaitInLine(String text) {
    oneConnect
        .inspection()
        .awaitRequest(
            request ->
                request.path().startsWith("/v1/line/receive/")
                    && request.status() == 200
                    && request.body() != null
                    && request.body().contains(text),
            WAIT);
  }

  HttpResponse<String> submit(String linkToken, String login, String password) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/confirm/" + linkToken))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "login="
                        + URLEncoder.encode(login, StandardCharsets.UTF_8)
                        + "&password="
                        + URLEncoder.encode(password, StandardCharsets.UTF_8)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Menu → connect → line → token, as the specialist does it; returns the link's token. */
  private String linkToken(Specialist asking, Line target, BotInfo newBot) {
    say(asking, "Telegram", "Telegram: выберите действие.");
    say(asking, "Подключить Telegram-бот", "Выберите линию");
    say(asking, target.name(), "Отправьте токен Telegram-бота");
    String text = say(asking, newBot.token(), "Чтобы подключить бот @" + newBot.username());
    Matcher link = LINK.matcher(text);
    assertThat(link.find()).as("a link in «%s»", text).isTrue();
    return link.group(1);
  }

  private String say(Specialist asking, String text, String expected) {
    long before =
        oneConnect.inspection().transcript(management.id(), asking.id()).stream()
            .mapToLong(TranscriptEntry::seq)
            .max()
            .orElse(-1);
    oneConnect.scenario().specialistWritesToManagementLine(asking.id(), text);
    TranscriptEntry reply =
        oneConnect
            .inspection()
            .awaitTranscriptEntry(
                management.id(),
                asking.id(),
                entry ->
                    entry.direction() == TranscriptEntry.Direction.TO_USER
                        && entry.seq() > before
                        && entry.text() != null,
                WAIT);
    assertThat(reply.text()).as("answer to «%s»", text).contains(expected);
    return reply.text();
  }

  private static int freePort() throws IOException {
    try (ServerSocket probe = new ServerSocket(0)) {
      return probe.getLocalPort();
    }
  }

  @Override
  public void close() {
    gateway.stop();
    if (mariaDb != null) {
      mariaDb.close();
    }
    telegram.close();
    oneConnect.close();
    try (Stream<Path> files = Files.walk(data)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException | UncheckedIOException ignored) {
      // a temp folder left behind is harmless
    }
  }
}
