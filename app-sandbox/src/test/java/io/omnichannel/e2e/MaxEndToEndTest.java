package io.omnichannel.e2e;

import static io.omnichannel.sandbox.scenario.ManagementChat.buttons;
import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.launcher.Omnichannel;
import io.omnichannel.launcher.messengers.MaxMessenger;
import io.omnichannel.max.MaxConfig;
import io.omnichannel.sandbox.scenario.Await;
import io.omnichannel.sandbox.scenario.GatewayHttp;
import io.omnichannel.sandbox.scenario.ManagementChat;
import io.omnichannel.testkit.max.MaxBotInfo;
import io.omnichannel.testkit.max.MaxDialogScenario;
import io.omnichannel.testkit.max.MaxEmulator;
import io.omnichannel.testkit.max.MaxEmulatorConfig;
import io.omnichannel.testkit.max.MaxSentMessage;
import io.omnichannel.testkit.max.MaxUser;
import io.omnichannel.testkit.oneconnect.Line;
import io.omnichannel.testkit.oneconnect.TranscriptEntry;
import io.omnichannel.testkit.telegram.BotInfo;
import io.omnichannel.testkit.telegram.UserSpec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * MAX beside Telegram (issue #17): the management line offers both; a specialist connects a MAX bot
 * through the same wizard and confirmation page; MAX users and the line's specialists talk through
 * it, text and files; one company runs a Telegram bot and a MAX bot on two lines.
 */
class MaxEndToEndTest extends EndToEndHarness {
  static final String CONNECT_MAX = "Подключить MAX-бот";
  MaxEmulator max;

  @Override
  void beforeGateway() {
    max = MaxEmulator.start(MaxEmulatorConfig.forTests());
  }

  @Override
  void afterGateway() {
    if (max != null) {
      max.close();
    }
  }

  @Override
  Omnichannel.Builder builder(int httpPort, String instanceId) {
    MaxConfig config =
        MaxConfig.of(MaxConfig.ReceiveMode.POLLING, publicBase(httpPort), instanceId)
            .withApiBaseUrl(URI.create(max.baseUrl()))
            .withTimeouts(
                MaxConfig.Timeouts.defaults()
                    .withLongPoll(Duration.ofSeconds(1))
                    .withBackoff(Duration.ofMillis(200), Duration.ofSeconds(2))
                    .withNotReadyWaits(List.of(Duration.ofMillis(100))))
            .withPacing(MaxConfig.Pacing.max().scaled(0.02));
    return super.builder(httpPort, instanceId).messenger(MaxMessenger.setup(config));
  }

  MaxBotInfo newMaxBot(String name) {
    String n = unique("max");
    String suffix = n.substring(n.indexOf(' ') + 1);
    return max.createBot(name + " " + suffix, "e2e_max_" + suffix + "_bot");
  }

  /** The connect wizard for MAX, the confirmation page, and the announcement. */
  TranscriptEntry connectMax(Tenant tenant, Line line, MaxBotInfo bot, String login) {
    tenant.say("MAX", "MAX: выберите действие.");
    tenant.say(CONNECT_MAX, "Выберите линию, к которой нужно подключить MAX-бот.");
    tenant.say(line.name(), "Отправьте токен MAX-бота");
    String link =
        ManagementChat.link(
            tenant.say(bot.token(), "Чтобы подключить бот @" + bot.username()).text());
    tenant.apiAccount(login, "pw", line);
    GatewayHttp.Page confirmed = gatewayHttp.submit(link, login, "pw");
    assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
    assertThat(confirmed.body()).contains("подключен к линии");
    TranscriptEntry announced =
        tenant.awaitAnswer(
            "MAX-бот @" + bot.username() + " подключен к линии «" + line.name() + "».");
    max.awaitPolling(bot.token(), WAIT);
    return announced;
  }

  MaxSentMessage awaitSentText(MaxBotInfo bot, long chatId, String text) {
    return Await.until(
        () ->
            max.sentMessages(bot.token(), chatId).stream()
                .filter(sent -> sent.text() != null && sent.text().contains(text))
                .findFirst(),
        WAIT,
        "«" + text + "» sent to MAX chat " + chatId);
  }

  @Test
  void theRootMenuListsTelegramAndMax() {
    Tenant tenant = newTenant();
    tenant.line("Поддержка");

    TranscriptEntry start = tenant.say("Здравствуйте", "Пожалуйста, выберите пункт меню.");
    assertThat(buttons(start)).containsExactly("Telegram", "MAX");

    TranscriptEntry menu = tenant.say("MAX", "MAX: выберите действие.");
    assertThat(buttons(menu))
        .containsExactly(CONNECT_MAX, "Отключить MAX-бот", "Показать линии с MAX-бот", "Назад");
  }

  @Test
  void aMaxUserAndTheSpecialistTalkInTextAndFiles() {
    Tenant tenant = newTenant();
    Line line = tenant.line("Поддержка MAX");
    MaxBotInfo bot = newMaxBot("Ромашка");
    TranscriptEntry announced = connectMax(tenant, line, bot, "api-" + line.id());
    assertThat(announced.text()).contains("Пользователи MAX будут зарегистрированы в клиенте");

    MaxDialogScenario olga =
        max.bot(bot.token()).dialog(MaxUser.of(newUserId(), "Ольга", "Петрова", "olga"));
    olga.sendsText("Здравствуйте, не работает касса");
    String account = supportLines.awaitNewUser(line, "Здравствуйте, не работает касса");

    oneConnect
        .scenario()
        .specialistWrites(line.id(), account, tenant.specialist.id(), "Добрый день, проверяем");
    awaitSentText(bot, olga.chatId(), "Добрый день, проверяем");

    olga.sendsFile("чек.pdf", 2048);
    TranscriptEntry file =
        supportLines.awaitFromUser(
            line, account, "the file чек.pdf", entry -> entry.file() != null);
    assertThat(file.file().name()).isEqualTo("чек.pdf");
    assertThat(file.file().size()).isEqualTo(2048);

    byte[] report = "отчёт по кассе".getBytes(StandardCharsets.UTF_8);
    oneConnect
        .scenario()
        .specialistSendsFile(
            line.id(),
            account,
            tenant.specialist.id(),
            "report.txt",
            "text/plain",
            report,
            "Отчёт");
    MaxSentMessage sentFile =
        Await.until(
            () ->
                max.sentMessages(bot.token(), olga.chatId()).stream()
                    .filter(sent -> !sent.attachments().isEmpty())
                    .findFirst(),
            WAIT,
            "a file sent to MAX");
    assertThat(sentFile.attachments().get(0).size()).isEqualTo(report.length);
  }

  @Test
  void oneCompanyRunsATelegramBotAndAMaxBotOnTwoLines() {
    Tenant tenant = newTenant();
    Line telegramLine = tenant.line("Телеграм-линия");
    Line maxLine = tenant.line("MAX-линия");
    BotInfo telegramBot = newBot("Ромашка TG");
    MaxBotInfo maxBot = newMaxBot("Ромашка MAX");
    tenant.apiAccount("api-tg-" + telegramLine.id(), "pw", telegramLine);
    tenant.connect(telegramLine, telegramBot, "api-tg-" + telegramLine.id(), "pw");
    connectMax(tenant, maxLine, maxBot, "api-max-" + maxLine.id());

    UserSpec ivan = UserSpec.of(newUserId(), "Иван");
    telegram.bot(telegramBot.token()).user(ivan).sendsText("Вопрос из Telegram");
    MaxDialogScenario olga = max.bot(maxBot.token()).dialog(MaxUser.of(newUserId(), "Ольга"));
    olga.sendsText("Вопрос из MAX");

    String telegramAccount = supportLines.awaitNewUser(telegramLine, "Вопрос из Telegram");
    String maxAccount = supportLines.awaitNewUser(maxLine, "Вопрос из MAX");
    assertThat(supportLines.fromUser(telegramLine, telegramAccount))
        .noneMatch(entry -> entry.text() != null && entry.text().contains("Вопрос из MAX"));

    oneConnect
        .scenario()
        .specialistWrites(maxLine.id(), maxAccount, tenant.specialist.id(), "Ответ в MAX");
    oneConnect
        .scenario()
        .specialistWrites(
            telegramLine.id(), telegramAccount, tenant.specialist.id(), "Ответ в Telegram");
    awaitSentText(maxBot, olga.chatId(), "Ответ в MAX");
    Await.until(
        () ->
            telegram.sentMessages(telegramBot.token(), ivan.id()).stream()
                .filter(sent -> "Ответ в Telegram".equals(sent.text()))
                .findFirst(),
        WAIT,
        "the answer in Telegram");
    assertThat(max.sentMessages(maxBot.token(), olga.chatId()))
        .noneMatch(sent -> "Ответ в Telegram".equals(sent.text()));
  }
}
