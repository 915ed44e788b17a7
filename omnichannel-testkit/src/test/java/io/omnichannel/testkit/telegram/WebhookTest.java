package io.omnichannel.testkit.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhookTest extends EmulatorTest {
  private static final Duration WAIT = Duration.ofSeconds(5);
  private WebhookReceiver receiver;

  @BeforeEach
  void startReceiver() {
    receiver = new WebhookReceiver();
  }

  @AfterEach
  void stopReceiver() {
    receiver.close();
  }

  @Test
  void updatesArePostedWithTheSecretHeader() {
    api.form(token, "setWebhook", Map.of("url", receiver.url(), "secret_token", "s3cr3t_-X"))
        .result();

    InjectedUpdate injected = emulator.bot(token).user(ALICE).sendsText("hi");

    WebhookReceiver.Received received = receiver.next(WAIT);
    assertThat(received.secretHeader()).isEqualTo("s3cr3t_-X");
    assertThat(received.update()).isEqualTo(Json.parse(injected.json()));
    emulator.awaitWebhookDeliveries(token, 1, WAIT);
    assertThat(emulator.webhookDeliveries(token))
        .singleElement()
        .satisfies(delivery -> assertThat(delivery.succeeded()).isTrue());
  }

  @Test
  void pendingUpdatesAreDeliveredWhenTheWebhookIsSet() {
    emulator.bot(token).user(ALICE).sendsText("before the webhook");

    api.form(token, "setWebhook", Map.of("url", receiver.url())).result();

    assertThat(receiver.next(WAIT).update().at("/message/text").asText())
        .isEqualTo("before the webhook");
  }

  @Test
  void dropPendingUpdatesForgetsThem() {
    emulator.bot(token).user(ALICE).sendsText("old");
    api.form(token, "setWebhook", Map.of("url", receiver.url(), "drop_pending_updates", true))
        .result();

    emulator.bot(token).user(ALICE).sendsText("new");

    assertThat(receiver.next(WAIT).update().at("/message/text").asText()).isEqualTo("new");
    emulator.awaitWebhookDeliveries(token, 1, WAIT);
    assertThat(emulator.webhookDeliveries(token)).hasSize(1);
  }

  @Test
  void aFailedDeliveryIsRetriedAndReportedInWebhookInfo() {
    api.form(token, "setWebhook", Map.of("url", receiver.url())).result();
    receiver.answerNext(500);

    emulator.bot(token).user(ALICE).sendsText("retry me");

    assertThat(receiver.next(WAIT).answeredStatus()).isEqualTo(500);
    WebhookReceiver.Received retried = receiver.next(WAIT);
    assertThat(retried.answeredStatus()).isEqualTo(200);
    assertThat(retried.update().at("/message/text").asText()).isEqualTo("retry me");
    List<WebhookDelivery> deliveries = emulator.awaitWebhookDeliveries(token, 2, WAIT);
    assertThat(deliveries.get(0).error())
        .isEqualTo("Wrong response from the webhook: 500 Internal Server Error");
    assertThat(deliveries.get(1).attempt()).isEqualTo(2);
    JsonNode info = api.form(token, "getWebhookInfo", Map.of()).result();
    assertThat(info.get("last_error_message").asText())
        .isEqualTo("Wrong response from the webhook: 500 Internal Server Error");
    assertThat(info.get("last_error_date").asLong()).isPositive();
    assertThat(info.get("pending_update_count").asInt()).isZero();
  }

  @Test
  void connectionRefusedIsRetriedAndCountedAsPending() throws IOException {
    String deadUrl = "http://127.0.0.1:" + freePort() + "/hook";
    api.form(token, "setWebhook", Map.of("url", deadUrl, "max_connections", 5)).result();

    emulator.bot(token).user(ALICE).sendsText("nobody listens");

    List<WebhookDelivery> failures = emulator.awaitWebhookDeliveries(token, 3, WAIT);
    assertThat(failures)
        .allSatisfy(
            delivery -> {
              assertThat(delivery.error()).isEqualTo("Connection refused");
              assertThat(delivery.statusCode()).isZero();
            });
    JsonNode info = api.form(token, "getWebhookInfo", Map.of()).result();
    assertThat(info.get("url").asText()).isEqualTo(deadUrl);
    assertThat(info.get("has_custom_certificate").asBoolean()).isFalse();
    assertThat(info.get("pending_update_count").asInt()).isEqualTo(1);
    assertThat(info.get("last_error_message").asText()).isEqualTo("Connection refused");
    assertThat(info.get("max_connections").asInt()).isEqualTo(5);

    api.form(token, "setWebhook", Map.of("url", receiver.url())).result();
    assertThat(receiver.next(WAIT).update().at("/message/text").asText())
        .isEqualTo("nobody listens");
  }

  @Test
  void aChatsUpdatesWaitForItsEarlierOnesButOtherChatsDoNot() {
    api.form(token, "setWebhook", Map.of("url", receiver.url())).result();
    receiver.answerNextForChat(ALICE.id(), 500, 500);
    PrivateChatScenario alice = emulator.bot(token).user(ALICE);
    alice.sendsText("alice 1");
    alice.sendsText("alice 2");
    emulator.bot(token).user(BOB).sendsText("bob 1");

    List<String> order = new java.util.ArrayList<>();
    for (int i = 0; i < 5; i++) {
      WebhookReceiver.Received received = receiver.next(WAIT);
      order.add(received.update().at("/message/text").asText() + "=" + received.answeredStatus());
    }

    List<String> alices = order.stream().filter(s -> s.startsWith("alice")).toList();
    assertThat(alices).containsExactly("alice 1=500", "alice 1=500", "alice 1=200", "alice 2=200");
    assertThat(order).contains("bob 1=200");
  }

  @Test
  void setAndDeleteAnswerWithTheRealDescriptions() {
    ApiResponse set = api.form(token, "setWebhook", Map.of("url", receiver.url()));
    ApiResponse again = api.form(token, "setWebhook", Map.of("url", receiver.url()));
    ApiResponse deleted = api.form(token, "deleteWebhook", Map.of());
    ApiResponse deletedAgain = api.form(token, "deleteWebhook", Map.of());

    assertThat(set.result().asBoolean()).isTrue();
    assertThat(set.description()).isEqualTo("Webhook was set");
    assertThat(again.description()).isEqualTo("Webhook is already set");
    assertThat(deleted.description()).isEqualTo("Webhook was deleted");
    assertThat(deletedAgain.description()).isEqualTo("Webhook is already deleted");
  }

  @Test
  void getWebhookInfoWithoutWebhookCountsPendingUpdates() {
    emulator.bot(token).user(ALICE).sendsText("1");
    emulator.bot(token).user(ALICE).sendsText("2");

    JsonNode info = api.form(token, "getWebhookInfo", Map.of()).result();

    assertThat(info.get("url").asText()).isEmpty();
    assertThat(info.get("pending_update_count").asInt()).isEqualTo(2);
  }

  @Test
  void setWebhookValidatesItsParameters() {
    assertThat(
            api.form(
                    token,
                    "setWebhook",
                    Map.of("url", receiver.url(), "secret_token", "bad token!"))
                .status())
        .isEqualTo(400);
    assertThat(
            api.form(
                    token,
                    "setWebhook",
                    Map.of("url", receiver.url(), "secret_token", "x".repeat(257)))
                .status())
        .isEqualTo(400);
    assertThat(
            api.form(
                    token,
                    "setWebhook",
                    Map.of("url", receiver.url(), "secret_token", "x".repeat(256)))
                .status())
        .isEqualTo(200);
    assertThat(
            api.form(token, "setWebhook", Map.of("url", receiver.url(), "max_connections", 0))
                .status())
        .isEqualTo(400);
    assertThat(
            api.form(token, "setWebhook", Map.of("url", receiver.url(), "max_connections", 101))
                .status())
        .isEqualTo(400);
    assertThat(api.form(token, "setWebhook", Map.of("url", "ftp://example.org/x")).status())
        .isEqualTo(400);
  }

  @Test
  void allowedUpdatesAreKeptAndApplied() {
    api.form(
            token,
            "setWebhook",
            Map.of("url", receiver.url(), "allowed_updates", "[\"my_chat_member\"]"))
        .result();
    PrivateChatScenario alice = emulator.bot(token).user(ALICE);
    alice.sendsText("filtered out");
    alice.blocksBot();

    assertThat(receiver.next(WAIT).update().has("my_chat_member")).isTrue();
    emulator.awaitWebhookDeliveries(token, 1, WAIT);
    JsonNode info = api.form(token, "getWebhookInfo", Map.of()).result();
    assertThat(info.get("allowed_updates").get(0).asText()).isEqualTo("my_chat_member");
    assertThat(info.get("pending_update_count").asInt()).isZero();
  }

  @Test
  void deleteWebhookHandsUpdatesBackToGetUpdates() {
    String deadUrl = "http://127.0.0.1:" + freePortUnchecked() + "/hook";
    api.form(token, "setWebhook", Map.of("url", deadUrl)).result();
    emulator.bot(token).user(ALICE).sendsText("undelivered");
    emulator.awaitWebhookDeliveries(token, 1, WAIT);

    api.form(token, "deleteWebhook", Map.of()).result();

    JsonNode updates = api.form(token, "getUpdates", Map.of()).result();
    assertThat(updates).hasSize(1);
    assertThat(api.form(token, "getWebhookInfo", Map.of()).result().get("url").asText()).isEmpty();
  }

  private static int freePortUnchecked() {
    try {
      return freePort();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A loopback port nothing listens on (bound, then released). */
  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
