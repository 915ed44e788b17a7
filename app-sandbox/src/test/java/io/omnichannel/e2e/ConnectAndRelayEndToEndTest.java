package io.omnichannel.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.core.domain.LineId;
import io.omnichannel.core.domain.Secret;
import io.omnichannel.launcher.Omnichannel;
import io.omnichannel.oneconnect.OneConnectConfig;
import io.omnichannel.persistence.PersistenceConfig;
import io.omnichannel.telegram.TelegramConfig;
import io.omnichannel.testkit.oneconnect.Company;
import io.omnichannel.testkit.oneconnect.Line;
import io.omnichannel.testkit.oneconnect.LineAvailability;
import io.omnichannel.testkit.oneconnect.OneConnectEmulator;
import io.omnichannel.testkit.oneconnect.RecordedRequest;
import io.omnichannel.testkit.oneconnect.Specialist;
import io.omnichannel.testkit.oneconnect.TranscriptEntry;
import io.omnichannel.testkit.telegram.BotInfo;
import io.omnichannel.testkit.telegram.RateLimits;
import io.omnichannel.testkit.telegram.SentMessage;
import io.omnichannel.testkit.telegram.TelegramEmulator;
import io.omnichannel.testkit.telegram.TelegramEmulatorConfig;
import io.omnichannel.testkit.telegram.UserSpec;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole gateway over real HTTP against both emulators, on the embedded database: a specialist
 * connects a bot through the management line and the confirmation page (F1, F2, F3), a Telegram
 * user writes (F6) and the specialist answers (F7).
 */
class ConnectAndRelayEndToEndTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final Pattern LINK =
      Pattern.compile("(http://127\\.0\\.0\\.1:\\d+/confirm/[A-Za-z0-9_-]+)");

  @TempDir Path data;

  private TelegramEmulator telegram;
  private OneConnectEmulator oneConnect;
  private Omnichannel gateway;
  private Line management;
  private Line support;
  private Specialist anna;
  private BotInfo bot;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws Exception {
    telegram =
        TelegramEmulator.start(TelegramEmulatorConfig.defaults().withRateLimits(RateLimits.off()));
    oneConnect = OneConnectEmulator.start();
    var world = oneConnect.world();
    Company vendor = world.addCompany("1С-Коннект", true);
    Company company = world.addCompany("Ромашка", true);
    management = world.addManagementLine(vendor.id(), "1С-Коннект: Управление каналами");
    support = world.addLine(company.id(), "Поддержка", LineAvailability.CLIENTS_AND_SPECIALISTS);
    anna = world.addSpecialist(company.id(), "Анна", "Иванова");
    world.addApiAccount("gateway", "gw-pass", vendor.id(), Map.of(management.id(), true));
    world.grantPartnerAccess("gateway");
    world.addApiAccount("api-support", "s3cret", company.id(), Map.of(support.id(), true));
    bot = telegram.createBot("Ромашка Поддержка", "romashka_bot");

    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    URI base = URI.create("http://127.0.0.1:" + port);
    gateway =
        Omnichannel.builder()
            .persistence(PersistenceConfig.embedded(data))
            .publicBaseUrl(base)
            .telegram(
                TelegramConfig.of(TelegramConfig.ReceiveMode.POLLING, base, "e2e-1")
                    .withApiBaseUrl(URI.create(telegram.baseUrl()))
                    .withTimeouts(
                        TelegramConfig.Timeouts.defaults().withLongPoll(Duration.ofSeconds(2))))
            .oneConnect(
                OneConnectConfig.of(
                        "gateway", Secret.of("gw-pass"), new LineId(management.id()), base)
                    .withEndpoints(
                        URI.create(oneConnect.baseUrl()), URI.create(oneConnect.soapUrl())))
            .httpServer("127.0.0.1", port)
            .workers(2)
            .build()
            .start();
  }

  @AfterEach
  void stop() {
    if (gateway != null) {
      gateway.stop();
    }
    telegram.close();
    oneConnect.close();
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

  private TranscriptEntry say(String text, String expectedInAnswer) {
    oneConnect.scenario().specialistWritesToManagementLine(anna.id(), text);
    return managementSays(expectedInAnswer);
  }

  @Test
  void aSpecialistConnectsABotAndMessagesFlowBothWays() throws Exception {
    TranscriptEntry menu = say("Telegram", "Telegram: выберите действие.");
    assertThat(menu.keyboard().stream().flatMap(List::stream).map(b -> b.text()))
        .contains(
            "Подключить Telegram-бот", "Отключить Telegram-бот", "Показать линии с Telegram-бот");
    say("Подключить Telegram-бот", "Выберите линию, к которой нужно подключить Telegram-бот.");
    say("Поддержка", "Отправьте токен Telegram-бота");
    TranscriptEntry linkMessage = say(bot.token(), "Чтобы подключить бот @romashka_bot");
    Matcher link = LINK.matcher(linkMessage.text());
    assertThat(link.find()).isTrue();

    HttpResponse<String> page =
        http.send(
            HttpRequest.newBuilder(URI.create(link.group(1))).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(page.body()).contains("Подключение Telegram-бота").contains("Поддержка");
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
    assertThat(confirmed.statusCode()).isEqualTo(200);
    assertThat(confirmed.body()).contains("подключен к линии");
    managementSays("Telegram-бот @romashka_bot подключен к линии «Поддержка».");

    telegram
        .bot(bot.token())
        .user(UserSpec.of(555, "Иван", "Петров", "ivan"))
        .sendsText("Здравствуйте!");
    RecordedRequest delivered =
        oneConnect
            .inspection()
            .awaitRequest(request -> request.path().startsWith("/v1/line/receive/message"), WAIT);
    String ivan =
        oneConnect.world().clientUsers().stream()
            .filter(u -> u.name().contains("Иван"))
            .findFirst()
            .orElseThrow()
            .id();
    assertThat(delivered.body()).contains("Здравствуйте!");
    assertThat(oneConnect.world().clients())
        .extracting(c -> c.name())
        .contains("Telegram: Ромашка Поддержка");

    oneConnect
        .scenario()
        .specialistWrites(support.id(), ivan, anna.id(), "Добрый день! Чем помочь?");
    List<SentMessage> sent = telegram.awaitSent(bot.token(), 555, 1, WAIT);
    assertThat(sent.get(0).text()).isEqualTo("Добрый день! Чем помочь?");
  }
}
