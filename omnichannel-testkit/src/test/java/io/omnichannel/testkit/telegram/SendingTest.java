package io.omnichannel.testkit.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SendingTest extends EmulatorTest {
  private static final GroupSpec TEAM = GroupSpec.of(-4_005_000L, "Team");

  private ApiResponse send(long chatId, String text) {
    return api.form(token, "sendMessage", Map.of("chat_id", chatId, "text", text));
  }

  @Test
  void sendMessageAnswersARealisticMessage() {
    InjectedUpdate hello = emulator.bot(token).user(ALICE).sendsText("hello");

    JsonNode first = send(ALICE.id(), "Hi Alice").result();
    JsonNode second = send(ALICE.id(), "How can I help?").result();

    assertThat(first.get("message_id").asLong()).isGreaterThan(hello.messageId());
    assertThat(second.get("message_id").asLong()).isEqualTo(first.get("message_id").asLong() + 1);
    assertThat(first.at("/from/is_bot").asBoolean()).isTrue();
    assertThat(first.at("/from/username").asText()).isEqualTo("support_test_bot");
    assertThat(first.at("/chat/id").asLong()).isEqualTo(ALICE.id());
    assertThat(first.at("/chat/type").asText()).isEqualTo("private");
    assertThat(first.get("date").asLong()).isPositive();
    assertThat(first.get("text").asText()).isEqualTo("Hi Alice");
    assertThat(emulator.sentMessages(token, ALICE.id()))
        .extracting(SentMessage::text)
        .containsExactly("Hi Alice", "How can I help?");
  }

  @Test
  void textLengthIsCheckedAfterEntityParsing() {
    emulator.bot(token).user(ALICE).sendsText("hi");

    assertThat(send(ALICE.id(), "x".repeat(4096)).status()).isEqualTo(200);
    ApiResponse tooLong = send(ALICE.id(), "x".repeat(4097));
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.description()).isEqualTo("Bad Request: message is too long");
    ApiResponse html =
        api.form(
            token,
            "sendMessage",
            Map.of(
                "chat_id",
                ALICE.id(),
                "text",
                "<b>" + "x".repeat(4096) + "</b>",
                "parse_mode",
                "HTML"));
    assertThat(html.status()).isEqualTo(200);
    assertThat(html.result().get("text").asText()).hasSize(4096);
    ApiResponse emptyAfterParsing =
        api.form(
            token,
            "sendMessage",
            Map.of("chat_id", ALICE.id(), "text", "<b></b>", "parse_mode", "HTML"));
    assertThat(emptyAfterParsing.description()).isEqualTo("Bad Request: message text is empty");
    assertThat(send(ALICE.id(), "").description()).isEqualTo("Bad Request: message text is empty");
  }

  @Test
  void keyboardsAreValidatedRecordedAndInlineOnesEchoed() {
    emulator.bot(token).user(ALICE).sendsText("hi");
    String reply =
        "{\"keyboard\":[[{\"text\":\"Yes\"},{\"text\":\"No\"}]],\"resize_keyboard\":true}";
    String inline =
        "{\"inline_keyboard\":[[{\"text\":\"Site\",\"url\":\"https://1c-connect.com\"}]]}";
    String remove = "{\"remove_keyboard\":true}";

    JsonNode withReply =
        api.form(
                token,
                "sendMessage",
                Map.of("chat_id", ALICE.id(), "text", "a", "reply_markup", reply))
            .result();
    JsonNode withInline =
        api.form(
                token,
                "sendMessage",
                Map.of("chat_id", ALICE.id(), "text", "b", "reply_markup", inline))
            .result();
    api.form(
            token,
            "sendMessage",
            Map.of("chat_id", ALICE.id(), "text", "c", "reply_markup", remove))
        .result();

    assertThat(withReply.has("reply_markup")).isFalse();
    assertThat(withInline.at("/reply_markup/inline_keyboard/0/0/url").asText())
        .isEqualTo("https://1c-connect.com");
    assertThat(emulator.sentMessages(token, ALICE.id()))
        .extracting(SentMessage::replyMarkup)
        .containsExactly(
            Json.parse(reply).toString(),
            Json.parse(inline).toString(),
            Json.parse(remove).toString());
    ApiResponse textOnlyInline =
        api.form(
            token,
            "sendMessage",
            Map.of(
                "chat_id",
                ALICE.id(),
                "text",
                "d",
                "reply_markup",
                "{\"inline_keyboard\":[[{\"text\":\"no action\"}]]}"));
    assertThat(textOnlyInline.status()).isEqualTo(400);
    assertThat(
            api.form(
                    token,
                    "sendMessage",
                    Map.of("chat_id", ALICE.id(), "text", "e", "reply_markup", "{\"what\":1}"))
                .status())
        .isEqualTo(400);
  }

  @Test
  void unknownChatIsNotFound() {
    ApiResponse response = send(424242L, "anyone?");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.description()).isEqualTo("Bad Request: chat not found");
    emulator.bot(token).group(TEAM);
    assertThat(send(TEAM.id(), "never added").description())
        .isEqualTo("Bad Request: chat not found");
  }

  @Test
  void blockedUserIsForbiddenUntilUnblocked() {
    PrivateChatScenario alice = emulator.bot(token).user(ALICE);
    alice.sendsText("hi");
    alice.blocksBot();

    ApiResponse blocked = send(ALICE.id(), "are you there?");
    assertThat(blocked.status()).isEqualTo(403);
    assertThat(blocked.errorCode()).isEqualTo(403);
    assertThat(blocked.description()).isEqualTo("Forbidden: bot was blocked by the user");

    alice.unblocksBot();
    assertThat(send(ALICE.id(), "welcome back").status()).isEqualTo(200);
    assertThat(emulator.sentCount(token, ALICE.id())).isEqualTo(1);
  }

  @Test
  void kickedOrRemovedFromAGroupIsForbidden() {
    GroupScenario team = emulator.bot(token).group(TEAM);
    team.addsBotAsMember(ALICE);
    assertThat(send(TEAM.id(), "hello team").status()).isEqualTo(200);

    team.kicksBot(ALICE);
    ApiResponse kicked = send(TEAM.id(), "still here?");
    assertThat(kicked.status()).isEqualTo(403);
    assertThat(kicked.description()).isEqualTo("Forbidden: bot was kicked from the group chat");

    team.addsBotAsMember(ALICE);
    GroupScenario supergroup = team.migrateToSupergroup(ALICE);
    supergroup.kicksBot(ALICE);
    assertThat(send(supergroup.chatId(), "x").description())
        .isEqualTo("Forbidden: bot was kicked from the supergroup chat");
  }

  @Test
  void migratedGroupAnswersWithTheNewChatId() {
    GroupScenario team = emulator.bot(token).group(TEAM);
    team.addsBotAsAdministrator(ALICE);
    GroupScenario supergroup = team.migrateToSupergroup(ALICE);

    ApiResponse old = send(TEAM.id(), "hello?");

    assertThat(old.status()).isEqualTo(400);
    assertThat(old.description())
        .isEqualTo("Bad Request: group chat was upgraded to a supergroup chat");
    assertThat(old.body().at("/parameters/migrate_to_chat_id").asLong())
        .isEqualTo(supergroup.chatId());
    JsonNode sent = send(supergroup.chatId(), "hello supergroup").result();
    assertThat(sent.at("/chat/type").asText()).isEqualTo("supergroup");
  }

  @Test
  void chatActionAndLeaveChat() {
    emulator.bot(token).user(ALICE).sendsText("hi");
    GroupScenario team = emulator.bot(token).group(TEAM);
    team.addsBotAsMember(ALICE);

    assertThat(
            api.form(token, "sendChatAction", Map.of("chat_id", ALICE.id(), "action", "typing"))
                .result()
                .asBoolean())
        .isTrue();
    assertThat(
            api.form(token, "sendChatAction", Map.of("chat_id", ALICE.id(), "action", "dancing"))
                .status())
        .isEqualTo(400);
    assertThat(api.form(token, "leaveChat", Map.of("chat_id", TEAM.id())).result().asBoolean())
        .isTrue();
    assertThat(send(TEAM.id(), "after leaving").description())
        .isEqualTo("Forbidden: bot is not a member of the group chat");
    assertThat(emulator.sentCount(token, ALICE.id())).isZero();
  }
}
