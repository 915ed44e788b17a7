package io.omnichannel.testkit.max;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A user starts the bot and writes; the bot polls and answers by user_id and by chat_id. */
class DialogFlowTest extends MaxEmulatorTest {

  @Test
  void userWritesBotPollsAndAnswers() {
    MaxDialogScenario alice = emulator.bot(token).dialog(ALICE);
    alice.startsBot("ref42");
    MaxInjected hello = alice.sendsText("hello");

    JsonNode batch = api.get("/updates?timeout=0").json();

    JsonNode updates = batch.path("updates");
    assertThat(updates).hasSize(2);
    assertThat(updates.get(0).path("update_type").asText()).isEqualTo("bot_started");
    assertThat(updates.get(0).path("payload").asText()).isEqualTo("ref42");
    assertThat(updates.get(0).path("chat_id").asLong()).isEqualTo(alice.chatId());
    JsonNode message = updates.get(1).path("message");
    assertThat(updates.get(1).path("update_type").asText()).isEqualTo("message_created");
    assertThat(updates.get(1).path("timestamp").asLong()).isPositive();
    assertThat(message.at("/body/mid").asText()).isEqualTo(hello.mid()).startsWith("mid.");
    assertThat(message.at("/body/seq").asLong()).isGreaterThan(1L << 53);
    assertThat(message.at("/body/text").asText()).isEqualTo("hello");
    assertThat(message.at("/sender/user_id").asLong()).isEqualTo(ALICE.userId());
    assertThat(message.at("/recipient/chat_type").asText()).isEqualTo("dialog");
    assertThat(message.at("/recipient/chat_id").asLong())
        .isEqualTo(alice.chatId())
        .isNotEqualTo(ALICE.userId());
    assertThat(message.at("/recipient/user_id").asLong()).isEqualTo(botInfo.userId());
    assertThat(batch.path("marker").asLong()).isPositive();

    MaxApiClient.Response sent =
        api.post("/messages?user_id=" + ALICE.userId(), "{\"text\":\"hi Alice\"}");
    MaxApiClient.Response byChat =
        api.post("/messages?chat_id=" + alice.chatId(), "{\"text\":\"second\",\"notify\":false}");

    assertThat(sent.status()).isEqualTo(200);
    assertThat(sent.json().at("/message/body/text").asText()).isEqualTo("hi Alice");
    assertThat(sent.json().at("/message/sender/user_id").asLong()).isEqualTo(botInfo.userId());
    assertThat(sent.json().at("/message/recipient/user_id").asLong()).isEqualTo(ALICE.userId());
    assertThat(byChat.status()).isEqualTo(200);
    List<MaxSentMessage> inspected =
        emulator.awaitSent(token, alice.chatId(), 2, Duration.ofSeconds(5));
    assertThat(inspected).extracting(MaxSentMessage::text).containsExactly("hi Alice", "second");
    assertThat(inspected.get(0).mid()).isEqualTo(sent.json().at("/message/body/mid").asText());
    assertThat(inspected.get(1).notifies()).isFalse();
  }

  @Test
  void markerConfirmsWhatCameBefore() {
    MaxDialogScenario alice = emulator.bot(token).dialog(ALICE);
    alice.sendsText("one");
    alice.sendsText("two");

    JsonNode first = api.get("/updates?timeout=0&limit=1").json();
    long marker = first.path("marker").asLong();
    JsonNode again = api.get("/updates?timeout=0&limit=1").json();
    JsonNode second = api.get("/updates?timeout=0&marker=" + marker).json();
    JsonNode empty = api.get("/updates?timeout=0&marker=" + second.path("marker").asLong()).json();

    assertThat(first.at("/updates/0/message/body/text").asText()).isEqualTo("one");
    assertThat(again.at("/updates/0/message/body/text").asText())
        .as("without a marker the unread updates come again")
        .isEqualTo("one");
    assertThat(second.path("updates")).hasSize(1);
    assertThat(second.at("/updates/0/message/body/text").asText()).isEqualTo("two");
    assertThat(empty.path("updates")).isEmpty();
    assertThat(empty.path("marker").asLong()).isEqualTo(second.path("marker").asLong());
    assertThat(emulator.pendingUpdateCount(token)).isZero();
  }

  @Test
  void longPollIsAnsweredWhenAnUpdateArrives() throws Exception {
    var poll =
        java.util.concurrent.CompletableFuture.supplyAsync(() -> api.get("/updates?timeout=20"));
    emulator.awaitPolling(token, Duration.ofSeconds(5));

    emulator.bot(token).dialog(ALICE).sendsText("wake up");

    MaxApiClient.Response answer = poll.get(10, java.util.concurrent.TimeUnit.SECONDS);
    assertThat(answer.json().at("/updates/0/message/body/text").asText()).isEqualTo("wake up");
  }

  @Test
  void sendingToAUserWithoutADialogIs404() {
    MaxApiClient.Response answer =
        api.post("/messages?user_id=" + BOB.userId(), "{\"text\":\"hi\"}");

    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.code()).isEqualTo("chat.not.found");
  }
}
