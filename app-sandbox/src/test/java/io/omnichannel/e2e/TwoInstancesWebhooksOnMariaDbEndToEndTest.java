package io.omnichannel.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.launcher.Omnichannel;
import io.omnichannel.persistence.PersistenceConfig;
import io.omnichannel.sandbox.scenario.Loopback;
import io.omnichannel.telegram.TelegramConfig;
import io.omnichannel.testkit.mariadb.ScratchMariaDb;
import io.omnichannel.testkit.oneconnect.TranscriptEntry;
import io.omnichannel.testkit.telegram.InjectedUpdate;
import io.omnichannel.testkit.telegram.UserSpec;
import io.omnichannel.testkit.telegram.WebhookDelivery;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * B3 with webhooks: two instances on one MariaDB behind a round-robin balancer take Telegram's
 * webhooks and 1C-Connect's hooks alike; the same update reaching both instances is relayed once;
 * every message arrives once, per chat in order.
 */
class TwoInstancesWebhooksOnMariaDbEndToEndTest extends EndToEndHarness {
  private ScratchMariaDb mariaDb;
  private PersistenceConfig config;
  private Omnichannel second;
  private int secondPort;
  private FlakyProxy balancer;

  @Override
  void beforeGateway() throws Exception {
    mariaDb = ScratchMariaDb.create();
    config = on(mariaDb);
    secondPort = Loopback.freePort();
    balancer = new FlakyProxy(URI.create("http://127.0.0.1:" + port));
  }

  @Override
  PersistenceConfig persistence() {
    return config;
  }

  @Override
  URI publicBase(int httpPort) {
    return balancer.baseUrl();
  }

  @Override
  TelegramConfig.ReceiveMode receiveMode() {
    return TelegramConfig.ReceiveMode.WEBHOOK;
  }

  @Override
  void afterGateway() {
    if (second != null) {
      second.stop();
    }
    balancer.close();
    if (mariaDb != null) {
      mariaDb.close();
    }
  }

  @Test
  void bothInstancesTakeWebhooksAndEveryMessageArrivesOnceInOrder() throws Exception {
    second = builder(secondPort, "e2e-2").build().start();
    Connected connected = new Connected();
    URI first = URI.create("http://127.0.0.1:" + port);
    URI other = URI.create("http://127.0.0.1:" + secondPort);
    balancer.balance(List.of(first, other));

    List<UserSpec> users = new ArrayList<>();
    List<List<String>> said = new ArrayList<>();
    List<InjectedUpdate> updates = new ArrayList<>();
    for (int u = 0; u < 3; u++) {
      users.add(UserSpec.of(newUserId(), "Клиент", "Номер" + u, null));
      said.add(new ArrayList<>());
    }
    for (int i = 1; i <= 10; i++) {
      for (int u = 0; u < users.size(); u++) {
        String text = "клиент " + u + " сообщение " + i;
        said.get(u).add(text);
        updates.add(connected.user(users.get(u)).sendsText(text));
      }
    }
    List<String> accounts = new ArrayList<>();
    for (int u = 0; u < users.size(); u++) {
      supportLines.awaitReceived("клиент " + u + " сообщение 10");
      accounts.add(supportLines.accountId(connected.bot, "Номер" + u));
    }
    // the first update once more, straight to each instance
    WebhookDelivery delivery = telegram.webhookDeliveries(connected.bot.token()).get(0);
    String path = URI.create(delivery.url()).getPath();
    for (URI instance : List.of(first, other)) {
      HttpResponse<String> again =
          http.send(
              HttpRequest.newBuilder(instance.resolve(path))
                  .header("Content-Type", "application/json")
                  .header("X-Telegram-Bot-Api-Secret-Token", delivery.secretToken())
                  .POST(HttpRequest.BodyPublishers.ofString(updates.get(0).json()))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(again.statusCode()).isEqualTo(200);
    }
    for (int u = 0; u < users.size(); u++) {
      connected.user(users.get(u)).sendsText("клиент " + u + " последнее");
      said.get(u).add("клиент " + u + " последнее");
    }
    for (int u = 0; u < users.size(); u++) {
      supportLines.awaitText(connected.line, accounts.get(u), "клиент " + u + " последнее");
      assertThat(supportLines.fromUser(connected.line, accounts.get(u)))
          .extracting(TranscriptEntry::text)
          .as("chat %d", u)
          .containsExactlyElementsOf(said.get(u));
    }
    assertThat(supportLines.usersOf(supportLines.clientOf(connected.bot))).hasSize(users.size());
    assertThat(gatewayHttp.at(first).metric("omnichannel_inbound_stored_total"))
        .as("updates stored by the first")
        .isPositive();
    assertThat(gatewayHttp.at(other).metric("omnichannel_inbound_stored_total"))
        .as("updates stored by the second")
        .isPositive();
    assertThat(telegram.webhookDeliveries(connected.bot.token()))
        .allSatisfy(d -> assertThat(d.succeeded()).isTrue());

    // answers from the line reach Telegram whichever instance 1C-Connect's hook lands on
    for (int i = 1; i <= 4; i++) {
      connected.specialistWrites(accounts.get(0), "ответ " + i);
    }
    assertThat(telegram.awaitSent(connected.bot.token(), users.get(0).id(), 4, WAIT))
        .extracting(m -> m.text())
        .containsExactly("ответ 1", "ответ 2", "ответ 3", "ответ 4");
  }
}
