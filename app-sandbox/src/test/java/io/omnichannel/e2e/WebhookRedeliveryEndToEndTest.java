package io.omnichannel.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.telegram.TelegramConfig;
import io.omnichannel.testkit.oneconnect.TranscriptEntry;
import io.omnichannel.testkit.telegram.InjectedUpdate;
import io.omnichannel.testkit.telegram.UserSpec;
import io.omnichannel.testkit.telegram.WebhookDelivery;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * B1 in webhook mode: Telegram delivering an update twice (its own retry, or a duplicate) leads to
 * one message in the line; an update Telegram could not deliver while the gateway was down arrives
 * once after. (The builder accepts a plain-http public URL; only the command line's configuration
 * insists on https.)
 */
class WebhookRedeliveryEndToEndTest extends EndToEndHarness {

  @Override
  TelegramConfig.ReceiveMode receiveMode() {
    return TelegramConfig.ReceiveMode.WEBHOOK;
  }

  @Test
  void aDuplicateWebhookDeliveryIsRelayedOnce() throws Exception {
    Connected connected = new Connected();
    UserSpec ivan = UserSpec.of(newUserId(), "Иван", "Петров", "ivan");
    InjectedUpdate first = connected.user(ivan).sendsText("только один раз");
    supportLines.awaitReceived("только один раз");
    String account = supportLines.accountId(connected.bot, "Иван Петров");
    WebhookDelivery delivered =
        telegram.awaitWebhookDeliveries(connected.bot.token(), 1, WAIT).get(0);
    assertThat(delivered.statusCode()).isEqualTo(200);
    assertThat(delivered.url()).startsWith(base.toString());
    double duplicatesBefore = gatewayHttp.metric("omnichannel_inbound_duplicates_total");

    // the same update again, three times at once, as Telegram would after a lost answer
    List<CompletableFuture<HttpResponse<String>>> again = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      again.add(
          http.sendAsync(
              HttpRequest.newBuilder(URI.create(delivered.url()))
                  .header("Content-Type", "application/json")
                  .header("X-Telegram-Bot-Api-Secret-Token", delivered.secretToken())
                  .POST(HttpRequest.BodyPublishers.ofString(first.json()))
                  .build(),
              HttpResponse.BodyHandlers.ofString()));
    }
    for (CompletableFuture<HttpResponse<String>> answer : again) {
      assertThat(answer.get().statusCode()).isEqualTo(200);
    }
    HttpResponse<String> wrongSecret =
        http.send(
            HttpRequest.newBuilder(URI.create(delivered.url()))
                .header("Content-Type", "application/json")
                .header("X-Telegram-Bot-Api-Secret-Token", "guess")
                .POST(HttpRequest.BodyPublishers.ofString(first.json()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(wrongSecret.statusCode()).isIn(401, 403);

    connected.user(ivan).sendsText("второе сообщение");
    supportLines.awaitText(connected.line, account, "второе сообщение");
    assertThat(supportLines.fromUser(connected.line, account))
        .extracting(TranscriptEntry::text)
        .containsExactly("только один раз", "второе сообщение");
    assertThat(gatewayHttp.metric("omnichannel_inbound_duplicates_total"))
        .isGreaterThanOrEqualTo(duplicatesBefore + 3);
  }

  @Test
  void anUpdateTelegramRetriesWhileTheGatewayIsDownArrivesOnce() throws Exception {
    Connected connected = new Connected();
    UserSpec ivan = UserSpec.of(newUserId(), "Иван", "Петров", "ivan");
    String account = connected.firstContact(ivan, "до перезапуска");
    int deliveries = telegram.webhookDeliveries(connected.bot.token()).size();

    gateway.stop();
    gateway = null;
    connected.user(ivan).sendsText("пока шлюз остановлен");
    List<WebhookDelivery> attempts =
        telegram.awaitWebhookDeliveries(connected.bot.token(), deliveries + 2, WAIT);
    assertThat(attempts.subList(deliveries, attempts.size()))
        .allSatisfy(d -> assertThat(d.succeeded()).isFalse());
    gateway = newGateway().start();

    supportLines.awaitText(connected.line, account, "пока шлюз остановлен");
    connected.user(ivan).sendsText("после перезапуска");
    supportLines.awaitText(connected.line, account, "после перезапуска");
    assertThat(supportLines.fromUser(connected.line, account))
        .extracting(TranscriptEntry::text)
        .containsExactly("до перезапуска", "пока шлюз остановлен", "после перезапуска");
  }
}
