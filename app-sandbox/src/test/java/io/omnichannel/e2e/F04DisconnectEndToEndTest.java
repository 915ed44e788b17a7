package io.omnichannel.e2e;

import static io.omnichannel.sandbox.scenario.ManagementChat.DISCONNECT;
import static io.omnichannel.sandbox.scenario.ManagementChat.LIST;
import static io.omnichannel.sandbox.scenario.ManagementChat.buttons;
import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.sandbox.scenario.GatewayHttp.Page;
import io.omnichannel.sandbox.scenario.ManagementChat;
import io.omnichannel.testkit.oneconnect.Line;
import io.omnichannel.testkit.oneconnect.TranscriptEntry;
import io.omnichannel.testkit.telegram.BotInfo;
import io.omnichannel.testkit.telegram.UserSpec;
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
    supportLines.awaitReceived("до отключения");
    String account = supportLines.accountId(bot, "Иван");
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
    String link = ManagementChat.link(linkMessage.text());
    Page page = gatewayHttp.get(link);
    assertThat(page.body())
        .contains("Отключение Telegram-бота")
        .contains("будет отключен от линии «Поддержка»");

    Page otherAccount = gatewayHttp.submit(link, "api-other-" + support.id(), "pw2");
    assertThat(otherAccount.body())
        .contains("Для отключения введите учетную запись API, с которой бот был подключен.");
    Page done = gatewayHttp.submit(link, "api-" + support.id(), "pw");
    assertThat(done.status()).isEqualTo(200);
    assertThat(done.body()).contains("отключен от линии «Поддержка». История переписки сохранена.");
    tenant.awaitAnswer(
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
    assertThat(gatewayHttp.adminConnection(bot)).isEmpty();

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
    supportLines.awaitReceived("вопрос в продажи");
    String maria = supportLines.accountId(salesBot, "Мария");
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
    assertThat(supportLines.clientOf(bot).deleted()).isFalse();
    assertThat(supportLines.usersOf(supportLines.clientOf(bot)))
        .extracting(u -> u.id())
        .containsExactly(account);
    assertThat(supportLines.fromUser(support, account))
        .extracting(TranscriptEntry::text)
        .containsExactly("до отключения");

    TranscriptEntry list = tenant.say(LIST, "Линии с Telegram-ботами:");
    assertThat(list.text()).doesNotContain("«Поддержка»").contains("Линия «Продажи»");
    tenant.say(DISCONNECT, "Выберите линию");
  }
}
