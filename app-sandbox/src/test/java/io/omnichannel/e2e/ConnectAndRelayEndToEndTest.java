package io.omnichannel.e2e;

import static io.omnichannel.sandbox.scenario.ManagementChat.CONNECT;
import static io.omnichannel.sandbox.scenario.ManagementChat.DISCONNECT;
import static io.omnichannel.sandbox.scenario.ManagementChat.LIST;
import static io.omnichannel.sandbox.scenario.ManagementChat.buttons;
import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.launcher.Omnichannel;
import io.omnichannel.persistence.PersistenceConfig;
import io.omnichannel.sandbox.scenario.Emulators;
import io.omnichannel.sandbox.scenario.GatewayHttp;
import io.omnichannel.sandbox.scenario.Loopback;
import io.omnichannel.sandbox.scenario.ManagementChat;
import io.omnichannel.sandbox.scenario.SupportLines;
import io.omnichannel.testkit.oneconnect.Company;
import io.omnichannel.testkit.oneconnect.Line;
import io.omnichannel.testkit.oneconnect.LineAvailability;
import io.omnichannel.testkit.oneconnect.OneConnectEmulatorConfig;
import io.omnichannel.testkit.oneconnect.RecordedRequest;
import io.omnichannel.testkit.oneconnect.Specialist;
import io.omnichannel.testkit.oneconnect.TranscriptEntry;
import io.omnichannel.testkit.telegram.BotInfo;
import io.omnichannel.testkit.telegram.RateLimits;
import io.omnichannel.testkit.telegram.SentMessage;
import io.omnichannel.testkit.telegram.TelegramEmulatorConfig;
import io.omnichannel.testkit.telegram.UserSpec;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole gateway over real HTTP against both emulators, on the embedded database, without the
 * feature tests' harness: a specialist connects a bot through the management line and the
 * confirmation page (F1, F2, F3), a Telegram user writes (F6) and the specialist answers (F7).
 */
class ConnectAndRelayEndToEndTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir Path data;

  private Emulators emulators;
  private Omnichannel gateway;
  private Line support;
  private Specialist anna;
  private BotInfo bot;
  private ManagementChat chat;
  private GatewayHttp browser;

  @BeforeEach
  void start() {
    emulators =
        Emulators.start(
            TelegramEmulatorConfig.defaults().withRateLimits(RateLimits.off()),
            OneConnectEmulatorConfig.defaults(),
            "gw-pass");
    var world = emulators.oneConnect.world();
    Company company = world.addCompany("Ромашка", true);
    support = world.addLine(company.id(), "Поддержка", LineAvailability.CLIENTS_AND_SPECIALISTS);
    anna = world.addSpecialist(company.id(), "Анна", "Иванова");
    world.addApiAccount("api-support", "s3cret", company.id(), Map.of(support.id(), true));
    bot = emulators.telegram.createBot("Ромашка Поддержка", "romashka_bot");
    chat = new ManagementChat(emulators.oneConnect, emulators.management.id(), anna.id(), WAIT);

    int port = Loopback.freePort();
    URI base = URI.create("http://127.0.0.1:" + port);
    browser = new GatewayHttp(base, "", WAIT); // no admin token: /admin stays closed here
    gateway = emulators.gateway(PersistenceConfig.embedded(data), port, "e2e-1").build().start();
  }

  @AfterEach
  void stop() {
    if (gateway != null) {
      gateway.stop();
    }
    emulators.close();
  }

  @Test
  void aSpecialistConnectsABotAndMessagesFlowBothWays() {
    TranscriptEntry menu = chat.say("Telegram", "Telegram: выберите действие.");
    assertThat(buttons(menu)).contains(CONNECT, DISCONNECT, LIST);
    chat.say(CONNECT, "Выберите линию, к которой нужно подключить Telegram-бот.");
    chat.say("Поддержка", "Отправьте токен Telegram-бота");
    String link =
        ManagementChat.link(chat.say(bot.token(), "Чтобы подключить бот @romashka_bot").text());

    assertThat(browser.get(link).body())
        .contains("Подключение Telegram-бота")
        .contains("Поддержка");
    GatewayHttp.Page confirmed = browser.submit(link, "api-support", "s3cret");
    assertThat(confirmed.status()).isEqualTo(200);
    assertThat(confirmed.body()).contains("подключен к линии");
    chat.awaitAnswer("Telegram-бот @romashka_bot подключен к линии «Поддержка».");

    UserSpec ivan = UserSpec.of(555, "Иван", "Петров", "ivan");
    emulators.telegram.bot(bot.token()).user(ivan).sendsText("Здравствуйте!");
    SupportLines lines = new SupportLines(emulators.oneConnect, WAIT);
    RecordedRequest delivered = lines.awaitReceived("Здравствуйте!");
    assertThat(delivered.path()).startsWith("/v1/line/receive/message");
    String account = lines.accountId(bot, "Иван");
    assertThat(lines.clientOf(bot).name()).isEqualTo("Telegram: Ромашка Поддержка");

    emulators
        .oneConnect
        .scenario()
        .specialistWrites(support.id(), account, anna.id(), "Добрый день! Чем помочь?");
    List<SentMessage> sent = emulators.telegram.awaitSent(bot.token(), 555, 1, WAIT);
    assertThat(sent.get(0).text()).isEqualTo("Добрый день! Чем помочь?");
  }
}
