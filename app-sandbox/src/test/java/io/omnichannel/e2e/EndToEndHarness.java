package io.omnichannel.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.core.domain.HookCredentials;
import io.omnichannel.core.domain.LineId;
import io.omnichannel.core.domain.Secret;
import io.omnichannel.launcher.Omnichannel;
import io.omnichannel.oneconnect.OneConnectConfig;
import io.omnichannel.persistence.PersistenceConfig;
import io.omnichannel.telegram.TelegramConfig;
import io.omnichannel.testkit.oneconnect.Button;
import io.omnichannel.testkit.oneconnect.ClientCompany;
import io.omnichannel.testkit.oneconnect.ClientUser;
import io.omnichannel.testkit.oneconnect.Company;
import io.omnichannel.testkit.oneconnect.Line;
import io.omnichannel.testkit.oneconnect.LineAvailability;
import io.omnichannel.testkit.oneconnect.OneConnectEmulator;
import io.omnichannel.testkit.oneconnect.OneConnectEmulatorConfig;
import io.omnichannel.testkit.oneconnect.RecordedRequest;
import io.omnichannel.testkit.oneconnect.Specialist;
import io.omnichannel.testkit.oneconnect.TranscriptEntry;
import io.omnichannel.testkit.telegram.BotInfo;
import io.omnichannel.testkit.telegram.RateLimits;
import io.omnichannel.testkit.telegram.TelegramEmulator;
import io.omnichannel.testkit.telegram.TelegramEmulatorConfig;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * Shared set-up of the feature tests: both emulators and one gateway per test class (started once),
 * and a fresh company, specialist, lines, API accounts and bots per test, so tests do not meet.
 * Everything goes over real HTTP on loopback: the specialist talks to the management line of the 1C
 * emulator, the confirmation page is fetched and posted, Telegram users write to the Telegram
 * emulator.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EndToEndHarness {
  static final Duration WAIT = Duration.ofSeconds(20);
  static final String ADMIN_TOKEN = "e2e-admin-token-0123456789";
  static final String CONNECT = "Подключить Telegram-бот";
  static final String DISCONNECT = "Отключить Telegram-бот";
  static final String LIST = "Показать линии с Telegram-бот";
  static final Pattern LINK =
      Pattern.compile("(http://127\\.0\\.0\\.1:\\d+/confirm/[A-Za-z0-9_-]+)");
  private static final AtomicInteger NAMES = new AtomicInteger();
  private static final AtomicLong USER_IDS = new AtomicLong(700_000);

  final HttpClient http = HttpClient.newHttpClient();
  final OffsetSystemClock clock = new OffsetSystemClock();
  final HookCredentials managementHook =
      HookCredentials.random(io.omnichannel.core.domain.RandomTokens.secure());
  TelegramEmulator telegram;
  OneConnectEmulator oneConnect;
  Omnichannel gateway;
  Path data;
  int port;
  URI base;
  Line management;

  @BeforeAll
  void startWorld() throws Exception {
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
    data = Files.createTempDirectory("omnichannel-e2e");
    port = freePort();
    base = URI.create("http://127.0.0.1:" + port);
    if (onMariaDb()) {
      mariaDb = new MariaDb();
      serverDatabase = mariaDb.create(data);
    }
    beforeGateway();
    gateway = newGateway().start();
  }

  @AfterAll
  void stopWorld() {
    if (gateway != null) {
      gateway.stop();
    }
    afterGateway();
    if (mariaDb != null) {
      mariaDb.drop();
    }
    telegram.close();
    oneConnect.close();
    deleteQuietly(data);
  }

  private MariaDb mariaDb;
  private PersistenceConfig serverDatabase;

  /** Hook for subclasses: something to start before the gateway (a proxy, a database). */
  void beforeGateway() throws Exception {}

  void afterGateway() {}

  /**
   * Subclasses that run the same scenarios on a MariaDB server (a fresh database per class) say so
   * here.
   */
  boolean onMariaDb() {
    return false;
  }

  PersistenceConfig persistence() {
    return serverDatabase != null ? serverDatabase : PersistenceConfig.embedded(data);
  }

  TelegramConfig.ReceiveMode receiveMode() {
    return TelegramConfig.ReceiveMode.POLLING;
  }

  URI oneConnectRest() {
    return URI.create(oneConnect.baseUrl());
  }

  URI oneConnectSoap() {
    return URI.create(oneConnect.soapUrl());
  }

  /** The gateway as every test class builds it; a class may add to it (monitoring interval). */
  Omnichannel.Builder builder(int httpPort, String instanceId) {
    URI publicBase = publicBase(httpPort);
    return Omnichannel.builder()
        .persistence(persistence())
        .publicBaseUrl(publicBase)
        .telegram(
            TelegramConfig.of(receiveMode(), publicBase, instanceId)
                .withApiBaseUrl(URI.create(telegram.baseUrl()))
                .withTimeouts(timeouts())
                .withPacing(TelegramConfig.Pacing.telegram().scaled(0.02)))
        .oneConnect(
            OneConnectConfig.of(
                    "gateway", Secret.of("gw-pass"), new LineId(management.id()), publicBase)
                .withEndpoints(oneConnectRest(), oneConnectSoap()))
        .adminToken(Secret.of(ADMIN_TOKEN))
        .managementHook(managementHook)
        .httpServer("127.0.0.1", httpPort)
        .workers(2)
        .clock(clock);
  }

  /** Where Telegram, 1C-Connect and browsers reach an instance: by default itself. */
  URI publicBase(int httpPort) {
    return URI.create("http://127.0.0.1:" + httpPort);
  }

  TelegramConfig.Timeouts timeouts() {
    return TelegramConfig.Timeouts.defaults()
        .withLongPoll(Duration.ofSeconds(1))
        .withBackoff(Duration.ofMillis(200), Duration.ofSeconds(2));
  }

  Omnichannel newGateway() {
    return builder(port, "e2e-1").build();
  }

  /** A graceful stop and a new gateway on the same data folder and port, as after a redeploy. */
  void restartGateway() {
    gateway.stop();
    gateway = null;
    gateway = newGateway().start();
  }

  static int freePort() throws IOException {
    try (ServerSocket probe = new ServerSocket(0)) {
      return probe.getLocalPort();
    }
  }

  static String unique(String prefix) {
    return prefix + " " + NAMES.incrementAndGet();
  }

  static long newUserId() {
    return USER_IDS.incrementAndGet();
  }

  BotInfo newBot(String name) {
    int n = NAMES.incrementAndGet();
    return telegram.createBot(name + " " + n, "e2e_" + n + "_bot");
  }

  Tenant newTenant() {
    Company company = oneConnect.world().addCompany(unique("Ромашка"), true);
    Specialist specialist =
        oneConnect.world().addSpecialist(company.id(), "Анна", unique("Иванова"));
    return new Tenant(company, specialist);
  }

  /** One company of the 1C world with its specialist who talks to the management line. */
  final class Tenant {
    final Company company;
    final Specialist specialist;

    Tenant(Company company, Specialist specialist) {
      this.company = company;
      this.specialist = specialist;
    }

    Line line(String name) {
      return oneConnect
          .world()
          .addLine(company.id(), name, LineAvailability.CLIENTS_AND_SPECIALISTS);
    }

    Line line(String name, LineAvailability availability) {
      return oneConnect.world().addLine(company.id(), name, availability);
    }

    void apiAccount(String login, String password, Line... lines) {
      Map<String, Boolean> allow = new HashMap<>();
      for (Line line : lines) {
        allow.put(line.id(), true);
      }
      oneConnect.world().addApiAccount(login, password, company.id(), allow);
    }

    /** An API account allowed to put bots on every line the company has now. */
    void apiAccountFor(String login, String password) {
      Map<String, Boolean> allow = new HashMap<>();
      oneConnect.world().lines().stream()
          .filter(l -> l.companyId().equals(company.id()))
          .forEach(l -> allow.put(l.id(), true));
      oneConnect.world().addApiAccount(login, password, company.id(), allow);
    }

    List<TranscriptEntry> managementChat() {
      return oneConnect.inspection().transcript(management.id(), specialist.id());
    }

    long lastSeq() {
      return managementChat().stream().mapToLong(TranscriptEntry::seq).max().orElse(-1);
    }

    /** The next thing the management line says after {@code afterSeq}. */
    TranscriptEntry nextReply(long afterSeq) {
      return oneConnect
          .inspection()
          .awaitTranscriptEntry(
              management.id(),
              specialist.id(),
              entry ->
                  entry.direction() == TranscriptEntry.Direction.TO_USER
                      && entry.seq() > afterSeq
                      && entry.text() != null,
              WAIT);
    }

    /** Writes (or presses) {@code text} and returns the management line's answer to it. */
    TranscriptEntry say(String text) {
      long before = lastSeq();
      oneConnect.scenario().specialistWritesToManagementLine(specialist.id(), text);
      return nextReply(before);
    }

    /** Says {@code text} and checks that the answer contains {@code expected}. */
    TranscriptEntry say(String text, String expected) {
      TranscriptEntry reply = say(text);
      assertThat(reply.text()).as("answer to «%s»", text).contains(expected);
      return reply;
    }

    /** Waits for an announcement (after a confirmation in the browser) containing {@code text}. */
    TranscriptEntry awaitAnnouncement(String text) {
      return oneConnect
          .inspection()
          .awaitTranscriptEntry(
              management.id(),
              specialist.id(),
              entry ->
                  entry.direction() == TranscriptEntry.Direction.TO_USER
                      && entry.text() != null
                      && entry.text().contains(text),
              WAIT);
    }

    /**
     * Menu → connect → line → token; returns the one-time link. Starts from a fresh or channel-menu
     * dialog.
     */
    String connectLink(String lineName, BotInfo bot) {
      say("Telegram", "Telegram: выберите действие.");
      say(CONNECT, "Выберите линию, к которой нужно подключить Telegram-бот.");
      say(lineName, "Отправьте токен Telegram-бота");
      TranscriptEntry linkMessage = say(bot.token(), "Чтобы подключить бот @" + bot.username());
      return linkIn(linkMessage.text());
    }

    /** The whole connect wizard with the confirmation page; returns the announcement. */
    TranscriptEntry connect(Line line, BotInfo bot, String login, String password)
        throws Exception {
      String link = connectLink(line.name(), bot);
      HttpResponse<String> confirmed = submit(link, login, password);
      assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
      assertThat(confirmed.body()).contains("подключен к линии");
      TranscriptEntry announced =
          awaitAnnouncement(
              "Telegram-бот @" + bot.username() + " подключен к линии «" + line.name() + "».");
      if (receiveMode() == TelegramConfig.ReceiveMode.POLLING) {
        telegram.awaitPolling(bot.token(), WAIT);
      }
      return announced;
    }
  }

  static String linkIn(String text) {
    Matcher link = LINK.matcher(text);
    assertThat(link.find()).as("a link in «%s»", text).isTrue();
    return link.group(1);
  }

  static List<String> buttons(TranscriptEntry entry) {
    return entry.keyboard() == null
        ? List.of()
        : entry.keyboard().stream().flatMap(List::stream).map(Button::text).toList();
  }

  HttpResponse<String> get(String url) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> submit(String link, String login, String password) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(link))
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

  HttpResponse<String> admin(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(base.resolve(path))
            .header("Authorization", "Bearer " + ADMIN_TOKEN)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  /** {@code /admin/connections} as JSON. */
  com.fasterxml.jackson.databind.JsonNode adminConnections() throws Exception {
    HttpResponse<String> answer = admin("/admin/connections");
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return JSON.readTree(answer.body());
  }

  /** The active connection of a bot as {@code /admin/connections} shows it, or null. */
  com.fasterxml.jackson.databind.JsonNode adminConnection(BotInfo bot) throws Exception {
    for (com.fasterxml.jackson.databind.JsonNode connection : adminConnections()) {
      if (connection.path("bot").asText().equals("@" + bot.username())) {
        return connection;
      }
    }
    return null;
  }

  /** {@code /admin/connections/{id}/accounts} of the bot's connection (F14). */
  com.fasterxml.jackson.databind.JsonNode adminAccounts(BotInfo bot) throws Exception {
    com.fasterxml.jackson.databind.JsonNode connection = adminConnection(bot);
    assertThat(connection)
        .as("connection of @%s in /admin/connections", bot.username())
        .isNotNull();
    HttpResponse<String> answer =
        admin("/admin/connections/" + connection.path("id").asText() + "/accounts");
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return JSON.readTree(answer.body());
  }

  /**
   * A counter from {@code /metrics} (Prometheus text), summed over the series having all the given
   * labels.
   */
  double metric(String name, String... labels) throws Exception {
    return metric(base, name, labels);
  }

  /** The same, from the instance at {@code instance}. */
  double metric(URI instance, String name, String... labels) throws Exception {
    HttpResponse<String> answer = get(instance + "/metrics");
    double sum = 0;
    for (String line : answer.body().split("\n")) {
      if (!line.startsWith(name + "{") && !line.startsWith(name + " ")) {
        continue;
      }
      boolean all = true;
      for (int i = 0; i + 1 < labels.length; i += 2) {
        all &= line.contains(labels[i] + "=\"" + labels[i + 1] + "\"");
      }
      if (all) {
        sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return sum;
  }

  /**
   * Waits until the counter reaches {@code atLeast}: polls {@code /metrics} (an observable
   * condition, with a short pause between looks) for what no emulator can show, such as a message
   * the gateway dropped.
   */
  double awaitMetric(double atLeast, String name, String... labels) throws Exception {
    java.time.Instant deadline = java.time.Instant.now().plus(WAIT);
    double value = metric(name, labels);
    while (value < atLeast && java.time.Instant.now().isBefore(deadline)) {
      java.util.concurrent.locks.LockSupport.parkNanos(50_000_000L);
      value = metric(name, labels);
    }
    assertThat(value)
        .as("%s %s", name, java.util.Arrays.toString(labels))
        .isGreaterThanOrEqualTo(atLeast);
    return value;
  }

  /**
   * Waits until {@code /admin/connections} shows the bot's connection in {@code state} (polled like
   * a metric).
   */
  void awaitAdminState(BotInfo bot, String state) throws Exception {
    java.time.Instant deadline = java.time.Instant.now().plus(WAIT);
    com.fasterxml.jackson.databind.JsonNode connection = adminConnection(bot);
    while ((connection == null || !connection.path("state").asText().equals(state))
        && java.time.Instant.now().isBefore(deadline)) {
      java.util.concurrent.locks.LockSupport.parkNanos(100_000_000L);
      connection = adminConnection(bot);
    }
    assertThat(connection).isNotNull();
    assertThat(connection.path("state").asText())
        .as("state of @%s", bot.username())
        .isEqualTo(state);
  }

  /** The technical client «Telegram: <bot name>» as registered in the 1C world. */
  ClientCompany clientOf(BotInfo bot) {
    return oneConnect.world().clients().stream()
        .filter(c -> c.name().equals("Telegram: " + bot.firstName()))
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    "no client «Telegram: "
                        + bot.firstName()
                        + "» in "
                        + oneConnect.world().clients()));
  }

  List<ClientUser> usersOf(ClientCompany client) {
    return oneConnect.world().clientUsers().stream()
        .filter(u -> u.clientId().equals(client.id()))
        .sorted(Comparator.comparing(ClientUser::createdAt))
        .toList();
  }

  /** Waits until the gateway posted a message containing {@code text} into a line (receive API). */
  RecordedRequest awaitReceived(String text) {
    return oneConnect
        .inspection()
        .awaitRequest(
            request ->
                request.path().startsWith("/v1/line/receive/")
                    && request.status() == 200
                    && (contains(request.body(), text)
                        || request.parts().stream().anyMatch(part -> contains(part.text(), text))),
            WAIT);
  }

  private static boolean contains(String haystack, String needle) {
    return haystack != null && haystack.contains(needle);
  }

  /**
   * The 1C user (account) of the Telegram user whose name contains {@code name} in the bot's
   * client.
   */
  String accountId(BotInfo bot, String name) {
    return usersOf(clientOf(bot)).stream()
        .filter(u -> (u.name() + " " + u.surname()).contains(name))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("no account «" + name + "» in " + usersOf(clientOf(bot))))
        .id();
  }

  /** Waits for an entry from the user in the line's chat with that 1C user. */
  TranscriptEntry awaitInLine(Line line, String userId, Predicate<TranscriptEntry> condition) {
    return oneConnect
        .inspection()
        .awaitTranscriptEntry(
            line.id(),
            userId,
            entry ->
                entry.direction() == TranscriptEntry.Direction.TO_LINE && condition.test(entry),
            WAIT);
  }

  TranscriptEntry awaitTextInLine(Line line, String userId, String text) {
    return awaitInLine(line, userId, entry -> entry.text() != null && entry.text().contains(text));
  }

  List<TranscriptEntry> toLine(Line line, String userId) {
    return oneConnect.inspection().transcript(line.id(), userId).stream()
        .filter(entry -> entry.direction() == TranscriptEntry.Direction.TO_LINE)
        .toList();
  }

  /**
   * A connected bot on a fresh line of a fresh company, ready to relay: the common start of the
   * relay tests.
   */
  final class Connected {
    final Tenant tenant = newTenant();
    final Line line = tenant.line("Поддержка");
    final BotInfo bot = newBot("Ромашка");

    Connected() throws Exception {
      tenant.apiAccount("api-" + line.id(), "pw", line);
      tenant.connect(line, bot, "api-" + line.id(), "pw");
    }

    io.omnichannel.testkit.telegram.PrivateChatScenario user(
        io.omnichannel.testkit.telegram.UserSpec user) {
      return telegram.bot(bot.token()).user(user);
    }

    /** The user writes a first text; returns the 1C user id of the account it created. */
    String firstContact(io.omnichannel.testkit.telegram.UserSpec user, String text) {
      user(user).sendsText(text);
      awaitReceived(text);
      String name =
          user.lastName() == null ? user.firstName() : user.firstName() + " " + user.lastName();
      String account = accountId(bot, name);
      awaitTextInLine(line, account, text);
      return account;
    }

    io.omnichannel.testkit.oneconnect.HookEvent specialistWrites(String account, String text) {
      return oneConnect
          .scenario()
          .specialistWrites(line.id(), account, tenant.specialist.id(), text);
    }
  }

  static void deleteQuietly(Path folder) {
    if (folder == null) {
      return;
    }
    try (Stream<Path> files = Files.walk(folder)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException | UncheckedIOException ignored) {
      // a temp folder left behind is harmless
    }
  }
}
