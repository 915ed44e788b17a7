package io.omnichannel.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnichannel.core.domain.HookCredentials;
import io.omnichannel.core.domain.RandomTokens;
import io.omnichannel.core.domain.Secret;
import io.omnichannel.launcher.Omnichannel;
import io.omnichannel.persistence.PersistenceConfig;
import io.omnichannel.sandbox.scenario.Emulators;
import io.omnichannel.sandbox.scenario.Folders;
import io.omnichannel.sandbox.scenario.GatewayHttp;
import io.omnichannel.sandbox.scenario.Loopback;
import io.omnichannel.sandbox.scenario.ManagementChat;
import io.omnichannel.sandbox.scenario.SupportLines;
import io.omnichannel.telegram.TelegramConfig;
import io.omnichannel.testkit.mariadb.ScratchMariaDb;
import io.omnichannel.testkit.oneconnect.Company;
import io.omnichannel.testkit.oneconnect.HookEvent;
import io.omnichannel.testkit.oneconnect.Line;
import io.omnichannel.testkit.oneconnect.LineAvailability;
import io.omnichannel.testkit.oneconnect.OneConnectEmulator;
import io.omnichannel.testkit.oneconnect.OneConnectEmulatorConfig;
import io.omnichannel.testkit.oneconnect.Specialist;
import io.omnichannel.testkit.oneconnect.TranscriptEntry;
import io.omnichannel.testkit.telegram.BotInfo;
import io.omnichannel.testkit.telegram.GroupScenario;
import io.omnichannel.testkit.telegram.GroupSpec;
import io.omnichannel.testkit.telegram.PrivateChatScenario;
import io.omnichannel.testkit.telegram.RateLimits;
import io.omnichannel.testkit.telegram.TelegramEmulator;
import io.omnichannel.testkit.telegram.TelegramEmulatorConfig;
import io.omnichannel.testkit.telegram.UserSpec;
import io.omnichannel.testkit.telegram.WebhookRetryPolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * Shared set-up of the feature tests: both emulators and one gateway per test class (started once),
 * and a fresh company, specialist, lines, API accounts and bots per test, so tests do not meet.
 * Everything goes over real HTTP on loopback: the specialist talks to the management line of the 1C
 * emulator, the confirmation page is fetched and posted, Telegram users write to the Telegram
 * emulator. The scenario helpers are the sandbox's ({@code io.omnichannel.sandbox.scenario}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EndToEndHarness {
  static final Duration WAIT = Duration.ofSeconds(20);
  static final String ADMIN_TOKEN = "e2e-admin-token-0123456789";
  static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicInteger NAMES = new AtomicInteger();
  private static final AtomicLong USER_IDS = new AtomicLong(700_000);

  /** For what no helper covers: Telegram's webhook calls and the 1C-Connect hooks, by hand. */
  final HttpClient http = HttpClient.newHttpClient();

  final OffsetSystemClock clock = new OffsetSystemClock();
  final HookCredentials managementHook = HookCredentials.random(RandomTokens.secure());
  Emulators emulators;
  TelegramEmulator telegram;
  OneConnectEmulator oneConnect;
  Line management;
  SupportLines supportLines;
  Omnichannel gateway;
  GatewayHttp gatewayHttp;
  Path data;
  int port;
  URI base;

  @BeforeAll
  void startWorld() throws Exception {
    emulators =
        Emulators.start(
            TelegramEmulatorConfig.defaults()
                .withRateLimits(telegramLimits())
                .withWebhookRetry(
                    new WebhookRetryPolicy(
                        Duration.ofMillis(50), Duration.ofMillis(500), Duration.ofSeconds(5))),
            OneConnectEmulatorConfig.builder()
                .hookInitialBackoff(Duration.ofMillis(50))
                .hookMaxBackoff(Duration.ofSeconds(1))
                .hookMaxAttempts(200)
                .build(),
            "gw-pass");
    telegram = emulators.telegram;
    oneConnect = emulators.oneConnect;
    management = emulators.management;
    supportLines = new SupportLines(oneConnect, WAIT);
    data = Files.createTempDirectory("omnichannel-e2e");
    port = Loopback.freePort();
    base = URI.create("http://127.0.0.1:" + port);
    gatewayHttp = new GatewayHttp(base, ADMIN_TOKEN, WAIT);
    if (onMariaDb()) {
      mariaDb = ScratchMariaDb.create();
      serverDatabase = on(mariaDb);
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
      mariaDb.close();
    }
    emulators.close();
    Folders.deleteQuietly(data);
  }

  private ScratchMariaDb mariaDb;
  private PersistenceConfig serverDatabase;

  /** The gateway's settings for a scratch database (several gateways may share it). */
  final PersistenceConfig on(ScratchMariaDb database) {
    return PersistenceConfig.server(database.url(), database.user(), database.password(), data);
  }

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
            emulators
                .telegramConfig(receiveMode(), publicBase, instanceId)
                .withTimeouts(timeouts())
                .withPacing(pacing()))
        .oneConnect(
            emulators
                .oneConnectConfig(publicBase)
                .withEndpoints(oneConnectRest(), oneConnectSoap()))
        .adminToken(Secret.of(ADMIN_TOKEN))
        .managementHook(managementHook)
        .httpServer("127.0.0.1", httpPort)
        .workers(2)
        .clock(clock);
  }

  /** The emulator's 429 limits: off, unless a class tests the pacing. */
  RateLimits telegramLimits() {
    return RateLimits.off();
  }

  /** The gateway's sending limits: Telegram's, 50 times faster. */
  TelegramConfig.Pacing pacing() {
    return TelegramConfig.Pacing.telegram().scaled(0.02);
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

  /**
   * One company of the 1C world with its specialist, who talks to the management line (the
   * sandbox's {@link ManagementChat}).
   */
  final class Tenant extends ManagementChat {
    final Company company;
    final Specialist specialist;

    Tenant(Company company, Specialist specialist) {
      super(oneConnect, management.id(), specialist.id(), WAIT);
      this.company = company;
      this.specialist = specialist;
    }

    Line line(String name) {
      return line(name, LineAvailability.CLIENTS_AND_SPECIALISTS);
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
      apiAccount(
          login,
          password,
          oneConnect.world().lines().stream()
              .filter(l -> l.companyId().equals(company.id()))
              .toArray(Line[]::new));
    }

    /** The whole connect wizard with the confirmation page; returns the announcement. */
    TranscriptEntry connect(Line line, BotInfo bot, String login, String password) {
      String link = connectLink(line.name(), bot);
      GatewayHttp.Page confirmed = gatewayHttp.submit(link, login, password);
      assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
      assertThat(confirmed.body()).contains("подключен к линии");
      TranscriptEntry announced =
          awaitAnswer(
              "Telegram-бот @" + bot.username() + " подключен к линии «" + line.name() + "».");
      if (receiveMode() == TelegramConfig.ReceiveMode.POLLING) {
        telegram.awaitPolling(bot.token(), WAIT);
      }
      return announced;
    }

    /** The whole disconnect wizard with the confirmation page; returns the announcement. */
    TranscriptEntry disconnect(Line line, BotInfo bot, String login, String password) {
      GatewayHttp.Page confirmed = gatewayHttp.submit(disconnectLink(line.name()), login, password);
      assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
      return awaitAnswer(
          "Telegram-бот @" + bot.username() + " отключен от линии «" + line.name() + "».");
    }
  }

  /**
   * A connected bot on a fresh line of a fresh company, ready to relay: the common start of the
   * relay tests.
   */
  final class Connected {
    final Tenant tenant = newTenant();
    final Line line = tenant.line("Поддержка");
    final BotInfo bot = newBot("Ромашка");

    Connected() {
      tenant.apiAccount("api-" + line.id(), "pw", line);
      tenant.connect(line, bot, "api-" + line.id(), "pw");
    }

    PrivateChatScenario user(UserSpec user) {
      return telegram.bot(bot.token()).user(user);
    }

    /** The user writes a first text; returns the 1C user id of the account it created. */
    String firstContact(UserSpec user, String text) {
      user(user).sendsText(text);
      String account = supportLines.awaitNewUser(line, text);
      assertThat(supportLines.accountId(bot, SupportLines.accountName(user))).isEqualTo(account);
      return account;
    }

    /** A new group (basic, not yet a supergroup) that {@code admin} adds the bot to as admin. */
    GroupScenario groupWithBot(String title, UserSpec admin) {
      GroupScenario group =
          telegram.bot(bot.token()).group(GroupSpec.of(-1_000_000L - newUserId(), title));
      group.addsBotAsAdministrator(admin);
      return group;
    }

    HookEvent specialistWrites(String account, String text) {
      return oneConnect
          .scenario()
          .specialistWrites(line.id(), account, tenant.specialist.id(), text);
    }
  }
}
