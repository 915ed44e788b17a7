package io.omnichannel.testkit.max;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Stopped bots, edits both ways, callbacks and their answers, deletion. */
class MessageLifecycleTest extends MaxEmulatorTest {
  private MaxDialogScenario alice;

  @BeforeEach
  void dialog() {
    alice = emulator.bot(token).dialog(ALICE);
    alice.startsBot();
  }

  private String sendMenu() {
    return api.post(
            "/messages?user_id=" + ALICE.userId(),
            "{\"text\":\"pick\",\"attachments\":[{\"type\":\"inline_keyboard\",\"payload\":"
                + "{\"buttons\":[[{\"type\":\"callback\",\"text\":\"Yes\",\"payload\":\"yes\"}]]}}]}")
        .json()
        .at("/message/body/mid")
        .asText();
  }

  @Test
  void aStoppedBotGetsChatDeniedUntilStartedAgain() {
    MaxInjected stopped = alice.stopsBot();

    MaxApiClient.Response denied =
        api.post("/messages?user_id=" + ALICE.userId(), "{\"text\":\"still there?\"}");
    alice.startsBot();
    MaxApiClient.Response again =
        api.post("/messages?chat_id=" + alice.chatId(), "{\"text\":\"welcome back\"}");

    assertThat(stopped.updateType()).isEqualTo("bot_stopped");
    assertThat(denied.status()).isEqualTo(403);
    assertThat(denied.code()).isEqualTo("chat.denied");
    assertThat(denied.message())
        .isEqualTo("Key: error.dialog.suspended, args: [" + alice.chatId() + ",].");
    assertThat(again.status()).isEqualTo(200);
    assertThat(emulator.sentCount(token, alice.chatId())).isEqualTo(1);
  }

  @Test
  void pressingAButtonYieldsMessageCallbackAndTheAnswerReplacesTheMessage() {
    String mid = sendMenu();
    MaxInjected press = alice.pressesButton(mid, "yes");

    JsonNode update = api.get("/updates?timeout=0").json().path("updates").get(1);
    MaxApiClient.Response answered =
        api.post(
            "/answers?callback_id=" + press.callbackId(),
            "{\"message\":{\"text\":\"done\",\"attachments\":[]},\"notification\":\"Saved\"}");
    MaxApiClient.Response unknown =
        api.post("/answers?callback_id=nope", "{\"notification\":\"x\"}");

    assertThat(update.path("update_type").asText()).isEqualTo("message_callback");
    assertThat(update.at("/callback/payload").asText()).isEqualTo("yes");
    assertThat(update.at("/callback/callback_id").asText()).isEqualTo(press.callbackId());
    assertThat(update.at("/callback/user/user_id").asLong()).isEqualTo(ALICE.userId());
    assertThat(update.at("/message/body/mid").asText()).isEqualTo(mid);
    assertThat(answered.json().path("success").asBoolean()).isTrue();
    assertThat(unknown.status()).isEqualTo(404);
    MaxMessageState state = emulator.message(token, mid).orElseThrow();
    assertThat(state.current().text()).isEqualTo("done");
    assertThat(state.current().buttons()).isEmpty();
    assertThat(state.edits()).isEqualTo(1);
    assertThat(emulator.callbackAnswers(token))
        .containsExactly(
            new MaxCallbackAnswer(
                press.callbackId(), "Saved", "{\"text\":\"done\",\"attachments\":[]}"));
  }

  @Test
  void editKeepsAttachmentsWhenNullAndDeleteHidesTheMessage() {
    String mid = sendMenu();

    MaxApiClient.Response edited =
        api.put("/messages?message_id=" + mid, "{\"text\":\"pick one\"}");
    MaxMessageState afterEdit = emulator.message(token, mid).orElseThrow();
    MaxApiClient.Response deleted = api.delete("/messages?message_id=" + mid);
    MaxApiClient.Response gone = api.get("/messages/" + mid);
    MaxApiClient.Response editGone = api.put("/messages?message_id=" + mid, "{\"text\":\"x\"}");

    assertThat(edited.json().path("success").asBoolean()).isTrue();
    assertThat(afterEdit.current().text()).isEqualTo("pick one");
    assertThat(afterEdit.current().allButtons())
        .extracting(MaxButton::payload)
        .containsExactly("yes");
    assertThat(deleted.json().path("success").asBoolean()).isTrue();
    assertThat(emulator.message(token, mid).orElseThrow().deleted()).isTrue();
    assertThat(gone.status()).isEqualTo(404);
    assertThat(editGone.status()).isEqualTo(404);
  }

  @Test
  void userEditKeepsTheMidAndTheBotCannotEditUserMessages() {
    MaxInjected original = alice.sendsText("typo");
    MaxInjected edit = alice.editsMessage(original.mid(), "fixed");

    JsonNode updates = api.get("/updates?timeout=0").json().path("updates");
    MaxApiClient.Response botEdit =
        api.put("/messages?message_id=" + original.mid(), "{\"text\":\"hijack\"}");

    assertThat(edit.updateType()).isEqualTo("message_edited");
    assertThat(updates.get(2).path("update_type").asText()).isEqualTo("message_edited");
    assertThat(updates.get(2).at("/message/body/mid").asText()).isEqualTo(original.mid());
    assertThat(updates.get(2).at("/message/body/text").asText()).isEqualTo("fixed");
    assertThat(botEdit.status()).isEqualTo(403);
  }

  @Test
  void replyLinksTheOriginalAndGetMessagesListsNewestFirst() {
    MaxInjected question = alice.sendsText("question");

    MaxApiClient.Response reply =
        api.post(
            "/messages?chat_id=" + alice.chatId(),
            "{\"text\":\"reply\",\"link\":{\"type\":\"reply\",\"mid\":\""
                + question.mid()
                + "\"}}");
    JsonNode listed = api.get("/messages?chat_id=" + alice.chatId() + "&count=10").json();

    assertThat(reply.json().at("/message/link/type").asText()).isEqualTo("reply");
    assertThat(reply.json().at("/message/link/message/mid").asText()).isEqualTo(question.mid());
    assertThat(emulator.sentMessages(token, alice.chatId()).get(0).replyTo())
        .isEqualTo(question.mid());
    assertThat(listed.path("messages"))
        .extracting(m -> m.at("/body/text").asText())
        .containsExactly("reply", "question");
  }
}
