package io.omnichannel.testkit.max;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Subscriptions: URL and secret rules, one Update per POST, retries, exclusivity with polling. */
class WebhookTest extends MaxEmulatorTest {
  private WebhookReceiver hook;

  @BeforeEach
  void startHook() {
    hook = new WebhookReceiver();
  }

  @AfterEach
  void stopHook() {
    hook.close();
  }

  private MaxApiClient.Response subscribe(String url, String secret) {
    String body =
        "{\"url\":\"" + url + "\"" + (secret == null ? "" : ",\"secret\":\"" + secret + "\"") + "}";
    return api.post("/subscriptions", body);
  }

  @Test
  void urlMustBeHttpsAndSecretMustMatchTheRule() {
    assertThat(subscribe("http://example.com/hook", null).status()).isEqualTo(400);
    assertThat(subscribe("ftp://example.com/hook", null).code()).isEqualTo("proto.payload");
    assertThat(subscribe(hook.url(), "abc").status()).as("shorter than 5").isEqualTo(400);
    assertThat(subscribe(hook.url(), "bad secret!").status()).isEqualTo(400);
    assertThat(subscribe("https://example.com/hook", "Good_secret-1").status()).isEqualTo(200);
    assertThat(api.get("/subscriptions").json().at("/subscriptions/0/url").asText())
        .isEqualTo("https://example.com/hook");
  }

  @Test
  void loopbackHttpIsRefusedWhenTheConfigSaysSo() {
    emulator.close();
    emulator = MaxEmulator.start(config().withLoopbackHttpWebhooks(false));
    token = emulator.createBot("Support", "support_test_bot").token();
    api = new MaxApiClient(emulator.baseUrl(), token);

    assertThat(subscribe(hook.url(), null).status()).isEqualTo(400);
  }

  @Test
  void eachUpdateIsPostedAloneWithTheSecretHeader() {
    assertThat(subscribe(hook.url(), "s3cret_value").json().path("success").asBoolean()).isTrue();
    MaxDialogScenario alice = emulator.bot(token).dialog(ALICE);
    alice.startsBot();
    alice.sendsText("via webhook");

    List<MaxWebhookDelivery> deliveries =
        emulator.awaitWebhookDeliveries(token, 2, Duration.ofSeconds(10));

    assertThat(deliveries).extracting(MaxWebhookDelivery::status).containsExactly(200, 200);
    assertThat(hook.received()).hasSize(2);
    assertThat(hook.received()).allMatch(r -> "s3cret_value".equals(r.secret()));
    JsonNode second = Json.parse(hook.received().get(1).body());
    assertThat(second.isObject()).isTrue();
    assertThat(second.path("update_type").asText()).isEqualTo("message_created");
    assertThat(second.at("/message/body/text").asText()).isEqualTo("via webhook");
  }

  @Test
  void non200AnswersAreRetriedUntil200() {
    hook.answerNext(500, 204);
    subscribe(hook.url(), null);

    emulator.bot(token).dialog(ALICE).sendsText("retry me");

    List<MaxWebhookDelivery> deliveries =
        emulator.awaitWebhookDeliveries(token, 3, Duration.ofSeconds(10));
    assertThat(deliveries).extracting(MaxWebhookDelivery::status).containsExactly(500, 204, 200);
    assertThat(deliveries).extracting(MaxWebhookDelivery::attempt).containsExactly(1, 2, 3);
    assertThat(deliveries.get(1).error()).isEqualTo("HTTP status 204");
    assertThat(deliveries.get(2).error()).isNull();
  }

  @Test
  void afterEveryRetryFailedTheBotIsUnsubscribed() {
    emulator.close();
    emulator =
        MaxEmulator.start(config().withWebhookRetry(MaxWebhookRetry.fast().withMaxRetries(2)));
    token = emulator.createBot("Support", "support_test_bot").token();
    api = new MaxApiClient(emulator.baseUrl(), token);
    hook.answerNext(503, 503, 503);
    subscribe(hook.url(), null);

    emulator.bot(token).dialog(ALICE).sendsText("lost");

    emulator.awaitWebhookDeliveries(token, 3, Duration.ofSeconds(10));
    assertThat(emulator.subscriptionUrl(token)).isEmpty();
    assertThat(api.get("/subscriptions").json().path("subscriptions")).isEmpty();
    assertThat(api.get("/updates?timeout=0").status()).isEqualTo(200);
  }

  @Test
  void pollingIsRefusedWhileSubscribedAndBackAfterDelete() {
    emulator.bot(token).dialog(ALICE).sendsText("before");
    subscribe(hook.url(), null);
    emulator.awaitWebhookDeliveries(token, 1, Duration.ofSeconds(10));

    MaxApiClient.Response refused = api.get("/updates?timeout=0");
    MaxApiClient.Response deleted = api.delete("/subscriptions?url=" + hook.url());
    emulator.bot(token).dialog(ALICE).sendsText("after");
    JsonNode polled = api.get("/updates?timeout=0").json();

    assertThat(refused.status()).isEqualTo(405);
    assertThat(refused.code()).isEqualTo("method.not.allowed");
    assertThat(deleted.json().path("success").asBoolean()).isTrue();
    assertThat(hook.received()).hasSize(1);
    assertThat(Json.parse(hook.received().get(0).body()).at("/message/body/text").asText())
        .as("unread updates move to the new subscription")
        .isEqualTo("before");
    assertThat(polled.path("updates")).hasSize(1);
    assertThat(polled.at("/updates/0/message/body/text").asText()).isEqualTo("after");
  }

  @Test
  void updateTypesOfTheSubscriptionFilterDeliveries() {
    api.post(
        "/subscriptions", "{\"url\":\"" + hook.url() + "\",\"update_types\":[\"bot_started\"]}");
    MaxDialogScenario alice = emulator.bot(token).dialog(ALICE);

    alice.sendsText("not wanted");
    alice.startsBot();

    emulator.awaitWebhookDeliveries(token, 1, Duration.ofSeconds(10));
    assertThat(hook.received()).hasSize(1);
    assertThat(Json.parse(hook.received().get(0).body()).path("update_type").asText())
        .isEqualTo("bot_started");
    assertThat(api.get("/subscriptions").json().at("/subscriptions/0/update_types/0").asText())
        .isEqualTo("bot_started");
  }
}
