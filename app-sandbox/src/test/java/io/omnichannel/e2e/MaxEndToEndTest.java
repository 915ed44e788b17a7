package io.omnichannel.e2e;

import static io.omnichannel.sandbox.scenario.ManagementChat.buttons;
import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.sandbox.scenario.Await;
import io.omnichannel.testkit.max.MaxBotInfo;
import io.omnichannel.testkit.max.MaxDialogScenario;
import io.omnichannel.testkit.max.MaxSentMessage;
import io.omnichannel.testkit.max.MaxUser;
import io.omnichannel.testkit.oneconnect.Line;
import io.omnichannel.testkit.oneconnect.TranscriptEntry;
import io.omnichannel.testkit.telegram.BotInfo;
import io.omnichannel.testkit.telegram.UserSpec;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * MAX beside Telegram (issue #17): the management line offers both; a specialist connects a MAX bot
 * through the same wizard and confirmation page; MAX users and the line's specialists talk through
 * it, text and files; one company runs a Telegram bot and a MAX bot on two lines.
 */
class MaxEndToEndTest extends MaxEndToEndHarness {

  @Test
  void theRootMenuListsTelegramAndMax() {
    Tenant tenant = newTenant();
    tenant.line("Поддержка");

    TranscriptEntry start = tenant.say("Здравствуйте", "Пожалуйста, выберите пункт меню.");
    assertThat(buttons(start)).containsExactly("Telegram", "MAX");

    TranscriptEntry menu = tenant.say("MAX", "MAX: выберите действие.");
    assertThat(buttons(menu)).containsExactly(CONNECT_MAX, DISCONNECT_MAX, LIST_MAX, "Назад");
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
