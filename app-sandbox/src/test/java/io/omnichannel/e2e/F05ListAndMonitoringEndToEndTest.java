package io.omnichannel.e2e;

import static io.omnichannel.sandbox.scenario.ManagementChat.CONNECT;
import static io.omnichannel.sandbox.scenario.ManagementChat.DISCONNECT;
import static io.omnichannel.sandbox.scenario.ManagementChat.LIST;
import static io.omnichannel.sandbox.scenario.ManagementChat.buttons;
import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.launcher.Omnichannel;
import io.omnichannel.testkit.oneconnect.Line;
import io.omnichannel.testkit.oneconnect.TranscriptEntry;
import io.omnichannel.testkit.telegram.BotInfo;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * F5: the list shows line, bot, client and state; the state comes from periodic real checks. The
 * monitor runs every half second: an interval below a second starts and checks like any other.
 */
class F05ListAndMonitoringEndToEndTest extends EndToEndHarness {

  @Override
  Omnichannel.Builder builder(int httpPort, String instanceId) {
    return super.builder(httpPort, instanceId).monitorEvery(Duration.ofMillis(500));
  }

  @Test
  void theListShowsEachConnectionWithItsStateAndARevokedTokenAfterMonitoring() throws Exception {
    Tenant tenant = newTenant();
    tenant.say("Telegram", "Telegram: выберите действие.");
    tenant.say(LIST, "Нет линий с подключенными Telegram-ботами.");

    Line support = tenant.line("Поддержка");
    Line sales = tenant.line("Продажи");
    tenant.apiAccount("api-" + support.id(), "pw", support);
    tenant.apiAccount("api-" + sales.id(), "pw", sales);
    BotInfo supportBot = newBot("Ромашка Поддержка");
    BotInfo salesBot = newBot("Ромашка Продажи");
    tenant.connect(support, supportBot, "api-" + support.id(), "pw");
    tenant.connect(sales, salesBot, "api-" + sales.id(), "pw");

    TranscriptEntry list = tenant.say(LIST, "Линии с Telegram-ботами:");
    assertThat(list.text())
        .contains(
            "Линия «Поддержка» — бот @"
                + supportBot.username()
                + " («"
                + supportBot.firstName()
                + "»), клиент «Telegram: "
                + supportBot.firstName()
                + "», состояние: активно")
        .contains(
            "Линия «Продажи» — бот @"
                + salesBot.username()
                + " («"
                + salesBot.firstName()
                + "»), клиент «Telegram: "
                + salesBot.firstName()
                + "», состояние: активно");
    assertThat(buttons(list)).containsExactly(CONNECT, DISCONNECT, LIST, "Назад");

    telegram.revokeToken(supportBot.token());
    // the monitor runs every half second; ask the line until it shows the new state (each ask
    // waits for its answer)
    Instant deadline = Instant.now().plus(WAIT);
    String shown = list.text();
    while (!shown.contains("токен бота отозван") && Instant.now().isBefore(deadline)) {
      shown = tenant.say(LIST, "Линии с Telegram-ботами:").text();
    }
    assertThat(shown)
        .contains(
            "Линия «Поддержка» — бот @"
                + supportBot.username()
                + " («"
                + supportBot.firstName()
                + "»), клиент «Telegram: "
                + supportBot.firstName()
                + "», состояние: токен бота отозван")
        .contains("Линия «Продажи» — бот @" + salesBot.username());
    assertThat(shown.substring(shown.indexOf("«Продажи»"))).contains("состояние: активно");
    assertThat(gatewayHttp.adminConnection(supportBot).orElseThrow().path("state").asText())
        .isEqualTo("TOKEN_REVOKED");
    assertThat(gatewayHttp.adminConnection(salesBot).orElseThrow().path("state").asText())
        .isEqualTo("ACTIVE");
  }
}
