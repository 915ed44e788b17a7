package io.omnichannel.e2e;

import static io.omnichannel.sandbox.scenario.ManagementChat.LIST;
import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.launcher.Omnichannel;
import io.omnichannel.telegram.TelegramConfig;
import io.omnichannel.testkit.oneconnect.TranscriptEntry;
import io.omnichannel.testkit.telegram.UserSpec;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * F5 in webhook mode: when Telegram cannot deliver to the webhook (the public side answers 503),
 * monitoring marks the connection failing; when it works again the update arrives, and once
 * Telegram's last error is older than the gateway's window (10 minutes, moved past with the
 * gateway's clock) the state is active again.
 */
class F05WebhookStateEndToEndTest extends EndToEndHarness {
  private FlakyProxy publicSide;

  @Override
  void beforeGateway() throws Exception {
    publicSide = new FlakyProxy(URI.create("http://127.0.0.1:" + port));
  }

  @Override
  void afterGateway() {
    publicSide.close();
  }

  @Override
  URI publicBase(int httpPort) {
    return publicSide.baseUrl();
  }

  @Override
  TelegramConfig.ReceiveMode receiveMode() {
    return TelegramConfig.ReceiveMode.WEBHOOK;
  }

  @Override
  Omnichannel.Builder builder(int httpPort, String instanceId) {
    return super.builder(httpPort, instanceId).monitorEvery(Duration.ofSeconds(1));
  }

  @Test
  void aFailingWebhookShowsInTheListAndRecovers() throws Exception {
    Connected connected = new Connected();
    UserSpec ivan = UserSpec.of(newUserId(), "Иван", "Петров", "ivan");
    String account = connected.firstContact(ivan, "до сбоя вебхука");

    publicSide.down();
    connected.user(ivan).sendsText("пока вебхук не работает");
    publicSide.awaitRefused(2, WAIT);
    gatewayHttp.awaitAdminState(connected.bot, "WEBHOOK_FAILING");

    publicSide.up();
    supportLines.awaitText(connected.line, account, "пока вебхук не работает");
    // Telegram keeps reporting its last error (last_error_date); the gateway counts an error of the
    // last
    // 10 minutes as failing, so the state returns only after that window, whatever succeeded since
    assertThat(gatewayHttp.adminConnection(connected.bot).orElseThrow().path("state").asText())
        .isEqualTo("WEBHOOK_FAILING");
    assertThat(connected.tenant.say(LIST, "Линии с Telegram-ботами:").text())
        .contains("состояние: ошибки получения сообщений");
    clock.advance(Duration.ofMinutes(11));
    gatewayHttp.awaitAdminState(connected.bot, "ACTIVE");
    assertThat(connected.tenant.say(LIST, "Линии с Telegram-ботами:").text())
        .contains("состояние: активно");
    assertThat(supportLines.fromUser(connected.line, account))
        .extracting(TranscriptEntry::text)
        .containsExactly("до сбоя вебхука", "пока вебхук не работает");
  }
}
