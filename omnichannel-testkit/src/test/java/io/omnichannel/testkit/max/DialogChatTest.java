package io.omnichannel.testkit.max;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** GET /chats/{id} for a dialog, typing actions, unknown chats. */
class DialogChatTest extends MaxEmulatorTest {

  @Test
  void dialogChatNamesTheUserAndCountsTwo() {
    MaxDialogScenario alice = emulator.bot(token).dialog(ALICE);
    alice.startsBot();

    JsonNode chat = api.get("/chats/" + alice.chatId()).json();

    assertThat(chat.path("chat_id").asLong()).isEqualTo(alice.chatId());
    assertThat(chat.path("type").asText()).isEqualTo("dialog");
    assertThat(chat.path("participants_count").asInt()).isEqualTo(2);
    assertThat(chat.at("/dialog_with_user/user_id").asLong()).isEqualTo(ALICE.userId());
    assertThat(chat.at("/dialog_with_user/last_name").asText()).isEqualTo("Smith");
  }

  @Test
  void typingIsAcceptedUnlessTheBotWasStopped() {
    MaxDialogScenario alice = emulator.bot(token).dialog(ALICE);
    alice.startsBot();
    String typing = "{\"action\":\"typing_on\"}";

    MaxApiClient.Response ok = api.post("/chats/" + alice.chatId() + "/actions", typing);
    MaxApiClient.Response unknownAction =
        api.post("/chats/" + alice.chatId() + "/actions", "{\"action\":\"dancing\"}");
    alice.stopsBot();
    MaxApiClient.Response stopped = api.post("/chats/" + alice.chatId() + "/actions", typing);

    assertThat(ok.json().path("success").asBoolean()).isTrue();
    assertThat(unknownAction.status()).isEqualTo(400);
    assertThat(stopped.status()).isEqualTo(403);
    assertThat(stopped.code()).isEqualTo("chat.denied");
  }

  @Test
  void unknownChatIs404AndABadIdIs400() {
    MaxApiClient.Response unknown = api.get("/chats/123456");
    MaxApiClient.Response bad = api.get("/chats/abc");

    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.code()).isEqualTo("chat.not.found");
    assertThat(unknown.message()).isEqualTo("Chat 123456 not found");
    assertThat(bad.status()).isEqualTo(400);
  }
}
