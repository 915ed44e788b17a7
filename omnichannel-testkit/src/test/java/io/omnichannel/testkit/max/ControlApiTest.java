package io.omnichannel.testkit.max;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The control API over HTTP, as the sandbox drives it from outside the JVM. */
class ControlApiTest extends MaxEmulatorTest {
  private MaxApiClient control() {
    return new MaxApiClient(emulator.controlUrl(), null);
  }

  @Test
  void createsABotThatAnswersMe() {
    MaxApiClient.Response created =
        control()
            .post("/bots", "{\"name\":\"Desk\",\"username\":\"desk_bot\",\"token\":\"tok-1\"}");

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().path("token").asText()).isEqualTo("tok-1");
    JsonNode me = api.withToken("tok-1").get("/me").json();
    assertThat(me.path("user_id").asLong()).isEqualTo(created.json().path("user_id").asLong());
    assertThat(me.path("username").asText()).isEqualTo("desk_bot");
  }

  @Test
  void userWritesAndTheSentMessagesAreReadBack() {
    String bot = "/bots/" + token;
    MaxApiClient.Response started =
        control().post(bot + "/users/" + ALICE.userId() + "/start", "{\"first_name\":\"Alice\"}");
    MaxApiClient.Response wrote =
        control()
            .post(
                bot + "/users/" + ALICE.userId() + "/messages",
                "{\"first_name\":\"Alice\",\"text\":\"hello\"}");
    long chatId = wrote.json().path("chat_id").asLong();
    JsonNode updates = api.get("/updates?timeout=0").json().path("updates");
    api.post(
        "/messages?chat_id=" + chatId,
        "{\"text\":\"menu\",\"attachments\":[{\"type\":\"inline_keyboard\",\"payload\":"
            + "{\"buttons\":[[{\"type\":\"callback\",\"text\":\"One\",\"payload\":\"p1\"}]]}}]}");

    MaxApiClient.Response sent =
        control().get(bot + "/chats/" + chatId + "/sent?count=1&timeout_ms=5000");

    assertThat(started.status()).isEqualTo(201);
    assertThat(wrote.status()).isEqualTo(201);
    assertThat(wrote.json().path("mid").asText()).startsWith("mid.");
    assertThat(updates).hasSize(2);
    assertThat(updates.get(1).at("/message/body/text").asText()).isEqualTo("hello");
    assertThat(sent.status()).isEqualTo(200);
    assertThat(sent.json().get(0).path("text").asText()).isEqualTo("menu");
    assertThat(sent.json().get(0).at("/buttons/0/0/payload").asText()).isEqualTo("p1");
  }

  @Test
  void sentTimesOutWith408() {
    emulator.bot(token).dialog(ALICE).startsBot();
    long chatId = emulator.bot(token).dialog(ALICE).chatId();

    MaxApiClient.Response sent =
        control().get("/bots/" + token + "/chats/" + chatId + "/sent?count=1&timeout_ms=50");

    assertThat(sent.status()).isEqualTo(408);
    assertThat(sent.json().path("error").asText()).contains("expected 1");
  }

  @Test
  void injectedFailureAnswersOnceThenClears() {
    emulator.bot(token).dialog(ALICE).startsBot();
    control()
        .post(
            "/failures/next",
            "{\"token\":\""
                + token
                + "\",\"call\":\"POST /messages\",\"status\":503,\"code\":\"service.unavailable\","
                + "\"message\":\"try later\"}");

    MaxApiClient.Response failed =
        api.post("/messages?user_id=" + ALICE.userId(), "{\"text\":\"a\"}");
    MaxApiClient.Response ok = api.post("/messages?user_id=" + ALICE.userId(), "{\"text\":\"b\"}");

    assertThat(failed.status()).isEqualTo(503);
    assertThat(failed.code()).isEqualTo("service.unavailable");
    assertThat(failed.message()).isEqualTo("try later");
    assertThat(ok.status()).isEqualTo(200);
  }

  @Test
  void badControlRequestIs400WithError() {
    MaxApiClient.Response bad =
        control().post("/bots/" + token + "/users/" + ALICE.userId() + "/messages", "{}");

    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().path("error").asText()).contains("give text");
  }
}
