package io.omnichannel.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.testkit.oneconnect.Line;
import io.omnichannel.testkit.oneconnect.TranscriptEntry;
import io.omnichannel.testkit.telegram.BotInfo;
import io.omnichannel.testkit.telegram.UserSpec;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** F4: the disconnect wizard; afterwards nothing flows either way and the history is kept. */
class F04DisconnectEndToEndTest extends EndToEndHarness {

  @Test
  void afterDisconnectingNoMessageFlowsAndHistoryIsKept() throws Exception {
    Tenant tenant = newTenant();
    Line support = tenant.line("Поддержка");
    Line sales = tenant.line("Продажи");
    tenant.apiAccount("api-" + support.id(), "pw", support);
    tenant.apiAccount("api-other-" + support.id(), "pw2", support, sales);
    BotInfo bot = newBot("Ромашка");
    BotInfo salesBot = newBot("Продажи");
    tenant.connect(support, bot, "api-" + support.id(), "pw");
    tenant.connect(sales, salesBot, "api-other-" + support.id(), "pw2");

    long ivanChat = newUserId();
    UserSpec ivan = UserSpec.of(ivanChat, "Иван", "Петров", "ivan");
    telegram.bot(bot.token()).user(ivan).sendsText("до отключения");
    awaitReceived("до отключения");
    String account = accountId(bot, "Иван");
    oneConnect
        .scenario()
        .specialistWrites(support.id(), account, tenant.specialist.id(), "ответ до отключения");
    assertThat(telegram.awaitSent(bot.token(), ivanChat, 1, WAIT).get(0).text())
        .isEqualTo("ответ до отключения");

    TranscriptEntry choose =
        tenant.say(DISCONNECT, "Выберите линию, от которой нужно отключить Telegram-бот.");
    assertThat(buttons(choose)).containsExactly("Поддержка", "Продажи", "Назад", "Отмена");
    TranscriptEntry linkMessage =
        tenant.say(
            "Поддержка",
            "Чтобы отключить бот @"
                + bot.username()
                + " от линии «Поддержка», перейдите по ссылке и введите учетную запись API, которая используется для этого бота");
    String link = linkIn(linkMessage.text());
    HttpResponse<String> page = get(link);
    assertThat(page.body())
        .contains("Отключение Telegram-бота")
        .contains("будет отключен от линии «Поддержка»");

    HttpResponse<String> otherAccount = submit(link, "api-other-" + support.id(), "pw2");
    assertThat(otherAccount.body())
        .contains("Для отключения введите учетную запись API, с которой бот был подключен.");
    HttpResponse<String> done = submit(link, "api-" + support.id(), "pw");
    assertThat(done.statusCode()).isEqualTo(200);
    assertThat(done.body()).contains("отключен от линии «Поддержка». История переписки сохранена.");
    tenant.awaitAnnouncement(
        "Telegram-бот @"
            + bot.username()
            + " отключен от линии «Поддержка». "
            + "История переписки сохранена.");

    // the line's hook for the bot is gone and the connection is no longer listed
    assertThat(oneConnect.world().hooks())
        .noneMatch(
            hook ->
                hook.lineId() != null
                    && hook.lineId().equals(support.id())
                    && hook.url().contains("/hooks/"));
    assertThat(adminConnection(bot)).isNull();

    // neither way: the user writes, the specialist answers
    telegram.bot(bot.token()).user(ivan).sendsText("после отключения");
    oneConnect
        .scenario()
        .specialistWrites(support.id(), account, tenant.specialist.id(), "ответ после отключения");
    // a barrier: the other bot of the same gateway still relays both ways, so the gateway kept
    // working meanwhile
    long mariaChat = newUserId();
    telegram
        .bot(salesBot.token())
        .user(UserSpec.of(mariaChat, "Мария"))
        .sendsText("вопрос в продажи");
    awaitReceived("вопрос в продажи");
    String maria = accountId(salesBot, "Мария");
    oneConnect
        .scenario()
        .specialistWrites(sales.id(), maria, tenant.specialist.id(), "ответ из продаж");
    telegram.awaitSent(salesBot.token(), mariaChat, 1, WAIT);

    assertThat(telegram.pendingUpdateCount(bot.token()))
        .as("nobody polls the disconnected bot")
        .isEqualTo(1);
    assertThat(telegram.sentMessages(bot.token(), ivanChat))
        .extracting(m -> m.text())
        .containsExactly("ответ до отключения");
    // history kept: the technical client, the account and the conversation remain in 1C-Connect
    assertThat(clientOf(bot).deleted()).isFalse();
    assertThat(usersOf(clientOf(bot))).extracting(u -> u.id()).containsExactly(account);
    assertThat(toLine(support, account))
        .extracting(TranscriptEntry::text)
        .containsExactly("до отключения");

    TranscriptEntry list = tenant.say(LIST, "Линии с Telegram-ботами:");
    assertThat(list.text()).doesNotContain("«Поддержка»").contains("Линия «Продажи»");
    tenant.say(DISCONNECT, "Выберите линию");
  }
}
