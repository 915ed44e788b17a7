package io.omnichannel.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.sandbox.scenario.GatewayHttp.Page;
import io.omnichannel.testkit.oneconnect.Line;
import io.omnichannel.testkit.oneconnect.TranscriptEntry;
import io.omnichannel.testkit.telegram.BotInfo;
import org.junit.jupiter.api.Test;

/**
 * F13: the recommendations are surfaced — a separate API account per bot; reuse is warned about.
 */
class F13SharedApiAccountEndToEndTest extends EndToEndHarness {

  @Test
  void reusingAnApiAccountForASecondBotIsWarnedAbout() throws Exception {
    Tenant tenant = newTenant();
    Line support = tenant.line("Поддержка");
    Line sales = tenant.line("Продажи");
    tenant.apiAccountFor("api-shared-" + support.id(), "pw");
    BotInfo first = newBot("Первый");
    BotInfo second = newBot("Второй");

    TranscriptEntry announced = tenant.connect(support, first, "api-shared-" + support.id(), "pw");
    assertThat(announced.text()).doesNotContain("Обратите внимание");

    String link = tenant.connectLink("Продажи", second);
    TranscriptEntry linkMessage = tenant.transcript().get(tenant.transcript().size() - 1);
    assertThat(linkMessage.text())
        .contains("Рекомендуем для каждого бота завести отдельную учетную запись API.");
    Page page = gatewayHttp.submit(link, "api-shared-" + support.id(), "pw");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body())
        .contains("Эта учетная запись API уже используется ботом @" + first.username())
        .contains("Рекомендуем для каждого бота отдельную учетную запись API.");
    TranscriptEntry warned =
        tenant.awaitAnswer("Telegram-бот @" + second.username() + " подключен к линии «Продажи».");
    assertThat(warned.text())
        .contains(
            "Обратите внимание: эта учетная запись API уже используется ботом @"
                + first.username()
                + ". Рекомендуем для каждого бота отдельную учетную запись API.");
  }
}
