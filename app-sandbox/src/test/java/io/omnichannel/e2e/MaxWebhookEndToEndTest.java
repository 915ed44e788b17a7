package io.omnichannel.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnichannel.max.MaxConfig;
import io.omnichannel.sandbox.scenario.GatewayHttp;
import io.omnichannel.sandbox.scenario.ManagementChat;
import io.omnichannel.testkit.max.MaxDialogScenario;
import io.omnichannel.testkit.max.MaxUser;
import io.omnichannel.testkit.max.MaxWebhookDelivery;
import io.omnichannel.testkit.oneconnect.TranscriptEntry;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * MAX in webhook mode ({@code OMNICHANNEL_MAX_MODE=webhook}): connecting subscribes the bot to
 * {@code /hooks/max/{connection}} with a secret; MAX's deliveries are relayed, a delivery made
 * again is relayed once, a call without the right {@code X-Max-Bot-Api-Secret} is refused with a
 * 4xx and stores nothing; disconnecting removes the subscription.
 */
class MaxWebhookEndToEndTest extends MaxEndToEndHarness {

  @Override
  MaxConfig.ReceiveMode maxMode() {
    return MaxConfig.ReceiveMode.WEBHOOK;
  }

  @Test
  void deliveriesAreRelayedOnceAndACallWithoutTheSecretIsRefusedAndStoresNothing()
      throws Exception {
    MaxConnected connected = new MaxConnected();
    String hook = max.subscriptionUrl(connected.bot.token()).orElseThrow();
    assertThat(hook).startsWith(base + "/hooks/max/");
    MaxUser olga = MaxUser.of(newUserId(), "Ольга", "Петрова", "olga");
    MaxDialogScenario dialog = connected.dialog(olga);
    String account = connected.firstContact(olga, "только один раз");
    MaxWebhookDelivery delivered =
        max.awaitWebhookDeliveries(connected.bot.token(), 1, WAIT).get(0);
    assertThat(delivered.status()).isEqualTo(200);
    assertThat(delivered.url()).isEqualTo(hook);
    assertThat(delivered.secret()).isNotBlank();
    double duplicates = gatewayHttp.metric("omnichannel_inbound_duplicates_total");

    // the same update again, as MAX does after a lost answer
    assertThat(post(hook, delivered.secret(), delivered.body()).statusCode()).isEqualTo(200);
    assertThat(post(hook, delivered.secret(), delivered.body()).statusCode()).isEqualTo(200);

    // a forged update: a wrong secret, none at all
    ObjectNode forged = (ObjectNode) JSON.readTree(delivered.body());
    ObjectNode body = (ObjectNode) forged.path("message").path("body");
    body.put("mid", "mid.forged");
    body.put("text", "подделка");
    String forgedJson = JSON.writeValueAsString(forged);
    assertThat(post(hook, "wrong-secret-0123456789", forgedJson).statusCode()).isBetween(400, 499);
    assertThat(post(hook, null, forgedJson).statusCode()).isBetween(400, 499);

    dialog.sendsText("второе сообщение");
    supportLines.awaitText(connected.line, account, "второе сообщение");
    assertThat(supportLines.fromUser(connected.line, account))
        .extracting(TranscriptEntry::text)
        .containsExactly("только один раз", "второе сообщение");
    assertThat(gatewayHttp.metric("omnichannel_inbound_duplicates_total"))
        .isGreaterThanOrEqualTo(duplicates + 2);

    connected.specialistWrites(account, "Добрый день, ответ получен");
    assertThat(max.awaitSent(connected.bot.token(), dialog.chatId(), 1, WAIT))
        .extracting(sent -> sent.text())
        .containsExactly("Добрый день, ответ получен");
    assertThat(max.webhookDeliveries(connected.bot.token()))
        .allSatisfy(delivery -> assertThat(delivery.status()).isEqualTo(200));
  }

  @Test
  void disconnectingRemovesTheSubscription() {
    MaxConnected connected = new MaxConnected();
    MaxUser ivan = MaxUser.of(newUserId(), "Иван", "Петров", "ivan");
    String account = connected.firstContact(ivan, "до отключения");

    String link =
        ManagementChat.link(
            disconnectMaxLink(connected.tenant, connected.line, connected.bot).text());
    GatewayHttp.Page done = gatewayHttp.submit(link, "api-max-" + connected.line.id(), "pw");
    assertThat(done.status()).as(done.body()).isEqualTo(200);
    connected.tenant.awaitAnswer("MAX-бот @" + connected.bot.username() + " отключен от линии");
    assertThat(max.subscriptionUrl(connected.bot.token())).isEmpty();

    int deliveries = max.webhookDeliveries(connected.bot.token()).size();
    connected.dialog(ivan).sendsText("после отключения");
    assertThat(max.pendingUpdateCount(connected.bot.token()))
        .as("without a subscription the update waits for a poll that never comes")
        .isEqualTo(1);
    assertThat(max.webhookDeliveries(connected.bot.token())).hasSize(deliveries);
    assertThat(supportLines.fromUser(connected.line, account))
        .extracting(TranscriptEntry::text)
        .containsExactly("до отключения");
  }

  private HttpResponse<String> post(String url, String secret, String json) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (secret != null) {
      request.header("X-Max-Bot-Api-Secret", secret);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
