package io.omnichannel.e2e;

import static io.omnichannel.sandbox.scenario.ManagementChat.CONNECT;
import static io.omnichannel.sandbox.scenario.ManagementChat.DISCONNECT;
import static io.omnichannel.sandbox.scenario.ManagementChat.LIST;
import static io.omnichannel.sandbox.scenario.ManagementChat.buttons;
import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.sandbox.scenario.GatewayHttp.Page;
import io.omnichannel.testkit.oneconnect.Line;
import io.omnichannel.testkit.oneconnect.Specialist;
import io.omnichannel.testkit.oneconnect.TranscriptEntry;
import io.omnichannel.testkit.telegram.BotInfo;
import io.omnichannel.testkit.telegram.UserSpec;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * F12: at most five bots per company, one line ↔ one bot, the tariff option for connecting and
 * relaying.
 */
class F12LimitsEndToEndTest extends EndToEndHarness {

  @Test
  void aSixthBotIsRefused() throws Exception {
    Tenant tenant = newTenant();
    for (int i = 1; i <= 5; i++) {
      Line line = tenant.line("Линия " + i);
      tenant.apiAccount("api-" + line.id(), "pw", line);
      tenant.connect(line, newBot("Бот"), "api-" + line.id(), "pw");
    }
    tenant.line("Линия 6");
    TranscriptEntry refused =
        tenant.say(
            CONNECT,
            "Компания уже подключила 5 Telegram-ботов — это максимум. "
                + "Чтобы подключить новый бот, сначала отключите один из подключенных.");
    assertThat(buttons(refused)).containsExactly(CONNECT, DISCONNECT, LIST, "Назад");
    assertThat(
            tenant
                .say(LIST, "Линии с Telegram-ботами:")
                .text()
                .lines()
                .filter(l -> l.contains("Линия «"))
                .count())
        .isEqualTo(5);
  }

  @Test
  void oneLineHasOneBotAndOneBotOneLineEvenUnderConcurrentConfirmations() throws Exception {
    Tenant anna = newTenant();
    Specialist olegSpec =
        oneConnect.world().addSpecialist(anna.company.id(), "Олег", unique("Смирнов"));
    Tenant oleg = new Tenant(anna.company, olegSpec);
    Line support = anna.line("Поддержка");
    Line sales = anna.line("Продажи");
    anna.apiAccountFor("api-" + support.id(), "pw");
    BotInfo first = newBot("Первый");
    anna.connect(support, first, "api-" + support.id(), "pw");

    TranscriptEntry offered = anna.say(CONNECT, "Выберите линию");
    assertThat(buttons(offered)).containsExactly("Продажи", "Назад", "Отмена");
    anna.say("Продажи", "Отправьте токен");
    anna.say(first.token(), "Бот @" + first.username() + " уже подключен к линии «Поддержка».");
    anna.say("Отмена", "Действие отменено.");

    // two specialists get links for the same line with different bots and confirm at the same
    // moment
    BotInfo second = newBot("Второй");
    BotInfo third = newBot("Третий");
    String annaLink = anna.connectLink("Продажи", second);
    String olegLink = oleg.connectLink("Продажи", third);
    CompletableFuture<Page> a = gatewayHttp.submitAsync(annaLink, "api-" + support.id(), "pw");
    CompletableFuture<Page> b = gatewayHttp.submitAsync(olegLink, "api-" + support.id(), "pw");
    List<Page> answers = List.of(a.get(), b.get());
    assertThat(answers).filteredOn(r -> r.status() == 200).hasSize(1);
    assertThat(answers)
        .filteredOn(r -> r.status() != 200)
        .singleElement()
        .satisfies(r -> assertThat(r.body()).contains("К этой линии уже подключен другой бот."));
    assertThat(
            gatewayHttp.adminConnections().findValuesAsText("line_id").stream()
                .filter(sales.id()::equals))
        .hasSize(1);
  }

  @Test
  void theFiveBotLimitAndOneLinePerBotHoldUnderConcurrentConfirmations() throws Exception {
    Tenant anna = newTenant();
    Tenant oleg =
        new Tenant(
            anna.company,
            oneConnect.world().addSpecialist(anna.company.id(), "Олег", unique("Смирнов")));
    List<Line> lines = new java.util.ArrayList<>();
    for (int i = 1; i <= 6; i++) {
      lines.add(anna.line("Линия " + i));
    }
    anna.apiAccountFor("api-all-" + anna.company.id(), "pw");
    for (int i = 0; i < 4; i++) {
      anna.connect(lines.get(i), newBot("Бот"), "api-all-" + anna.company.id(), "pw");
    }
    // the fifth and a sixth bot confirmed at the same moment: one gets the last slot
    String fifth = anna.connectLink("Линия 5", newBot("Пятый"));
    String sixth = oleg.connectLink("Линия 6", newBot("Шестой"));
    List<Page> answers =
        List.of(
            gatewayHttp.submitAsync(fifth, "api-all-" + anna.company.id(), "pw").get(),
            gatewayHttp.submitAsync(sixth, "api-all-" + anna.company.id(), "pw").get());
    assertThat(answers).filteredOn(r -> r.status() == 200).hasSize(1);
    assertThat(answers)
        .filteredOn(r -> r.status() != 200)
        .singleElement()
        .satisfies(
            r ->
                assertThat(r.body())
                    .contains("Компания уже подключила 5 Telegram-ботов — это максимум."));
    assertThat(
            gatewayHttp.adminConnections().findValuesAsText("company").stream()
                .filter(anna.company.id()::equals))
        .hasSize(5);
  }

  @Test
  void oneBotCannotBeConfirmedOnTwoLinesAtOnce() throws Exception {
    Tenant anna = newTenant();
    Tenant oleg =
        new Tenant(
            anna.company,
            oneConnect.world().addSpecialist(anna.company.id(), "Олег", unique("Смирнов")));
    anna.line("Поддержка");
    anna.line("Продажи");
    anna.apiAccountFor("api-all-" + anna.company.id(), "pw");
    BotInfo bot = newBot("Один");
    String toSupport = anna.connectLink("Поддержка", bot);
    String toSales = oleg.connectLink("Продажи", bot);
    List<Page> answers =
        List.of(
            gatewayHttp.submitAsync(toSupport, "api-all-" + anna.company.id(), "pw").get(),
            gatewayHttp.submitAsync(toSales, "api-all-" + anna.company.id(), "pw").get());
    assertThat(answers).filteredOn(r -> r.status() == 200).hasSize(1);
    assertThat(answers)
        .filteredOn(r -> r.status() != 200)
        .singleElement()
        .satisfies(r -> assertThat(r.body()).contains("Этот бот уже подключен к другой линии."));
    assertThat(
            gatewayHttp.adminConnections().findValuesAsText("bot").stream()
                .filter(("@" + bot.username())::equals))
        .hasSize(1);
  }

  @Test
  void withoutTheTariffOptionNothingIsConnectedOrRelayed() throws Exception {
    Connected connected = new Connected();
    Tenant tenant = connected.tenant;
    UserSpec ivan = UserSpec.of(newUserId(), "Иван", "Петров", "ivan");
    String account = connected.firstContact(ivan, "пока опция включена");
    tenant.line("Продажи");
    double droppedBefore =
        gatewayHttp.metric("omnichannel_dropped_total", "reason", "tariff_option_off");

    oneConnect.world().setExternalChannels(tenant.company.id(), false);
    tenant.say(
        CONNECT,
        "Для работы с каналом Telegram нужна активная тарифная опция «Подключение внешних каналов». "
            + "Обратитесь к администратору вашей компании.");
    connected.user(ivan).sendsText("опция выключена");
    gatewayHttp.awaitMetric(
        droppedBefore + 1,
        "omnichannel_dropped_total",
        "reason",
        "tariff_option_off",
        "direction",
        "to_line");
    assertThat(tenant.say(LIST, "Линии с Telegram-ботами:").text())
        .contains("состояние: тарифная опция «Подключение внешних каналов» не активна");

    oneConnect.world().setExternalChannels(tenant.company.id(), true);
    connected.user(ivan).sendsText("опция снова включена");
    supportLines.awaitText(connected.line, account, "опция снова включена");
    assertThat(supportLines.fromUser(connected.line, account))
        .extracting(TranscriptEntry::text)
        .containsExactly("пока опция включена", "опция снова включена");
    // the connection turns active once the gateway has recorded the delivery, just after the line
    // shows the message
    gatewayHttp.awaitAdminState(connected.bot, "ACTIVE");
    assertThat(tenant.say(LIST, "Линии с Telegram-ботами:").text()).contains("состояние: активно");
  }
}
