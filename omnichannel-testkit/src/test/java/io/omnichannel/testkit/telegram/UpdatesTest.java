package io.omnichannel.testkit.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UpdatesTest extends EmulatorTest {
  private static final GroupSpec TEAM = GroupSpec.of(-4_001_234L, "Team");

  private JsonNode onlyUpdate() {
    JsonNode updates = api.form(token, "getUpdates", Map.of()).result();
    assertThat(updates).hasSize(1);
    return updates.get(0);
  }

  @Test
  void privateTextMessageHasTheRealShape() {
    InjectedUpdate injected = emulator.bot(token).user(ALICE).sendsText("hello");

    JsonNode update = onlyUpdate();
    assertThat(update.get("update_id").asLong()).isEqualTo(injected.updateId());
    JsonNode message = update.get("message");
    assertThat(message.get("message_id").asLong()).isEqualTo(injected.messageId());
    assertThat(message.at("/from/id").asLong()).isEqualTo(ALICE.id());
    assertThat(message.at("/from/is_bot").asBoolean()).isFalse();
    assertThat(message.at("/from/first_name").asText()).isEqualTo("Alice");
    assertThat(message.at("/from/last_name").asText()).isEqualTo("Smith");
    assertThat(message.at("/from/username").asText()).isEqualTo("alice");
    assertThat(message.at("/chat/id").asLong()).isEqualTo(ALICE.id());
    assertThat(message.at("/chat/type").asText()).isEqualTo("private");
    assertThat(message.get("date").asLong()).isPositive();
    assertThat(message.get("text").asText()).isEqualTo("hello");
    assertThat(update).isEqualTo(Json.parse(injected.json()));
  }

  @Test
  void commandsCarryABotCommandEntity() {
    emulator.bot(token).user(ALICE).sendsText("/start payload");

    JsonNode entity = onlyUpdate().at("/message/entities/0");
    assertThat(entity.get("type").asText()).isEqualTo("bot_command");
    assertThat(entity.get("length").asInt()).isEqualTo(6);
  }

  @Test
  void photoArrivesInSeveralSizesWithCaption() {
    emulator.bot(token).user(ALICE).sendsPhoto("look", 200_000);

    JsonNode message = onlyUpdate().get("message");
    JsonNode sizes = message.get("photo");
    assertThat(sizes.size()).isGreaterThanOrEqualTo(3);
    for (JsonNode size : sizes) {
      assertThat(size.get("file_id").asText()).isNotEmpty();
      assertThat(size.get("file_unique_id").asText()).isNotEmpty();
      assertThat(size.get("width").asInt()).isPositive();
      assertThat(size.get("height").asInt()).isPositive();
      assertThat(size.get("file_size").asLong()).isPositive();
    }
    assertThat(sizes.get(sizes.size() - 1).get("file_size").asLong()).isEqualTo(200_000);
    assertThat(message.get("caption").asText()).isEqualTo("look");
  }

  @Test
  void documentVoiceVideoNoteStickerLocationContact() {
    PrivateChatScenario alice = emulator.bot(token).user(ALICE);
    alice.sendsDocument("invoice.pdf", "application/pdf", 12_345);
    alice.sendsVoice(3, 4_000);
    alice.sendsVideoNote(5, 90_000);
    alice.sendsSticker("👍");
    alice.sendsLocation(55.75, 37.62);
    alice.sendsContact("+79990000000", "Ivan");

    JsonNode updates = api.form(token, "getUpdates", Map.of()).result();
    assertThat(updates).hasSize(6);
    JsonNode document = updates.get(0).at("/message/document");
    assertThat(document.get("file_name").asText()).isEqualTo("invoice.pdf");
    assertThat(document.get("mime_type").asText()).isEqualTo("application/pdf");
    assertThat(document.get("file_size").asLong()).isEqualTo(12_345);
    assertThat(updates.get(1).at("/message/voice/duration").asInt()).isEqualTo(3);
    assertThat(updates.get(1).at("/message/voice/mime_type").asText()).isEqualTo("audio/ogg");
    assertThat(updates.get(2).at("/message/video_note/duration").asInt()).isEqualTo(5);
    assertThat(updates.get(2).at("/message/video_note/length").asInt()).isPositive();
    assertThat(updates.get(3).at("/message/sticker/emoji").asText()).isEqualTo("👍");
    assertThat(updates.get(4).at("/message/location/latitude").asDouble()).isEqualTo(55.75);
    assertThat(updates.get(5).at("/message/contact/phone_number").asText())
        .isEqualTo("+79990000000");
  }

  @Test
  void editedMessageAndReply() {
    PrivateChatScenario alice = emulator.bot(token).user(ALICE);
    InjectedUpdate original = alice.sendsText("helo");
    alice.editsMessage(original.messageId(), "hello");
    alice.repliesTo(original.messageId(), "see above");

    JsonNode updates = api.form(token, "getUpdates", Map.of()).result();
    JsonNode edited = updates.get(1).get("edited_message");
    assertThat(edited.get("message_id").asLong()).isEqualTo(original.messageId());
    assertThat(edited.get("text").asText()).isEqualTo("hello");
    assertThat(edited.get("edit_date").asLong()).isPositive();
    JsonNode reply = updates.get(2).get("message");
    assertThat(reply.at("/reply_to_message/message_id").asLong()).isEqualTo(original.messageId());
    assertThat(reply.get("message_id").asLong()).isGreaterThan(original.messageId());
  }

  @Test
  void groupMessagesFromSeveralMembersAndMediaGroups() {
    GroupScenario team = emulator.bot(token).group(TEAM);
    team.addsBotAsAdministrator(ALICE);
    team.member(ALICE).sendsText("hi all");
    team.member(BOB).sendsText("hi Alice");
    List<InjectedUpdate> album = team.member(BOB).sendsMediaGroup("trip", 3);

    JsonNode updates = api.form(token, "getUpdates", Map.of()).result();
    assertThat(updates).hasSize(2 + 2 + 3);
    JsonNode fromAlice = updates.get(2).get("message");
    assertThat(fromAlice.at("/chat/type").asText()).isEqualTo("group");
    assertThat(fromAlice.at("/chat/title").asText()).isEqualTo("Team");
    assertThat(fromAlice.at("/from/id").asLong()).isEqualTo(ALICE.id());
    assertThat(updates.get(3).at("/message/from/id").asLong()).isEqualTo(BOB.id());
    String mediaGroupId = updates.get(4).at("/message/media_group_id").asText();
    assertThat(mediaGroupId).isNotEmpty();
    assertThat(updates.get(5).at("/message/media_group_id").asText()).isEqualTo(mediaGroupId);
    assertThat(updates.get(6).at("/message/media_group_id").asText()).isEqualTo(mediaGroupId);
    assertThat(updates.get(4).at("/message/caption").asText()).isEqualTo("trip");
    assertThat(updates.get(5).at("/message").has("caption")).isFalse();
    assertThat(album).extracting(InjectedUpdate::chatId).containsOnly(TEAM.id());
  }

  @Test
  void myChatMemberForEveryMembershipChange() {
    GroupScenario team = emulator.bot(token).group(TEAM);
    team.addsBotAsAdministrator(ALICE);
    team.removesBot(ALICE);
    team.addsBotAsMember(BOB);
    team.kicksBot(BOB);
    PrivateChatScenario alice = emulator.bot(token).user(ALICE);
    alice.blocksBot();
    alice.unblocksBot();

    List<String> transitions = new ArrayList<>();
    for (JsonNode update : api.form(token, "getUpdates", Map.of()).result()) {
      JsonNode change = update.get("my_chat_member");
      if (change != null) {
        assertThat(change.at("/new_chat_member/user/is_bot").asBoolean()).isTrue();
        assertThat(change.get("from").get("id").asLong()).isPositive();
        transitions.add(
            change.at("/chat/type").asText()
                + ":"
                + change.at("/old_chat_member/status").asText()
                + "->"
                + change.at("/new_chat_member/status").asText());
      }
    }
    assertThat(transitions)
        .containsExactly(
            "group:left->administrator",
            "group:administrator->left",
            "group:left->member",
            "group:member->kicked",
            "private:member->kicked",
            "private:kicked->member");
  }

  @Test
  void groupMigrationSendsServiceMessagesInBothChats() {
    GroupScenario team = emulator.bot(token).group(TEAM);
    team.addsBotAsMember(ALICE);
    GroupScenario supergroup = team.migrateToSupergroup(ALICE);

    JsonNode updates = api.form(token, "getUpdates", Map.of()).result();
    JsonNode toSupergroup = updates.get(2).get("message");
    JsonNode fromGroup = updates.get(3).get("message");
    assertThat(toSupergroup.at("/chat/id").asLong()).isEqualTo(TEAM.id());
    assertThat(toSupergroup.get("migrate_to_chat_id").asLong()).isEqualTo(supergroup.chatId());
    assertThat(fromGroup.at("/chat/id").asLong()).isEqualTo(supergroup.chatId());
    assertThat(fromGroup.at("/chat/type").asText()).isEqualTo("supergroup");
    assertThat(fromGroup.get("migrate_from_chat_id").asLong()).isEqualTo(TEAM.id());
    assertThat(Long.toString(supergroup.chatId())).startsWith("-100");
  }

  @Test
  void rawUpdatesOfUnknownKindsPassThrough() {
    InjectedUpdate raw = emulator.bot(token).rawUpdate("{\"future_kind\":{\"x\":1}}");

    JsonNode update = onlyUpdate();
    assertThat(update.get("update_id").asLong()).isEqualTo(raw.updateId());
    assertThat(update.at("/future_kind/x").asInt()).isEqualTo(1);
  }

  @Test
  void updateIdsIncreaseAndOffsetConfirms() {
    PrivateChatScenario alice = emulator.bot(token).user(ALICE);
    long first = alice.sendsText("1").updateId();
    long second = alice.sendsText("2").updateId();
    long third = alice.sendsText("3").updateId();
    assertThat(second).isGreaterThan(first);
    assertThat(third).isGreaterThan(second);

    assertThat(api.form(token, "getUpdates", Map.of("limit", 2)).result()).hasSize(2);
    assertThat(api.form(token, "getUpdates", Map.of()).result()).hasSize(3);
    JsonNode afterConfirm = api.form(token, "getUpdates", Map.of("offset", second + 1)).result();
    assertThat(afterConfirm).hasSize(1);
    assertThat(afterConfirm.get(0).get("update_id").asLong()).isEqualTo(third);
    assertThat(api.form(token, "getUpdates", Map.of("offset", third + 1)).result()).isEmpty();
    assertThat(api.form(token, "getUpdates", Map.of()).result()).isEmpty();
    assertThat(alice.sendsText("4").updateId()).isGreaterThan(third);
  }

  @Test
  void allowedUpdatesFilters() {
    PrivateChatScenario alice = emulator.bot(token).user(ALICE);
    alice.sendsText("text");
    alice.blocksBot();

    JsonNode updates =
        api.form(token, "getUpdates", Map.of("allowed_updates", "[\"my_chat_member\"]")).result();

    assertThat(updates).hasSize(1);
    assertThat(updates.get(0).has("my_chat_member")).isTrue();
  }

  @Test
  void membersCannotWriteInAGroupWithoutTheBot() {
    GroupScenario team = emulator.bot(token).group(TEAM);

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> team.member(ALICE))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void repliesAndButtonPressesEmbedTheBotsMessage() {
    PrivateChatScenario alice = emulator.bot(token).user(ALICE);
    alice.sendsText("hi");
    api.form(token, "getUpdates", Map.of("offset", -1)).result();
    JsonNode botMessage =
        api.form(
                token,
                "sendMessage",
                Map.of(
                    "chat_id",
                    ALICE.id(),
                    "text",
                    "Pick one",
                    "reply_markup",
                    "{\"inline_keyboard\":[[{\"text\":\"A\",\"callback_data\":\"pick:a\"}]]}"))
            .result();
    long botMessageId = botMessage.get("message_id").asLong();

    long confirmed = alice.repliesTo(botMessageId, "why?").updateId();
    alice.pressesInlineButton(botMessageId, "pick:a");

    JsonNode updates = api.form(token, "getUpdates", Map.of("offset", confirmed)).result();
    assertThat(updates.get(0).at("/message/reply_to_message")).isEqualTo(botMessage);
    JsonNode query = updates.get(1).get("callback_query");
    assertThat(query.get("id").asText()).isNotEmpty();
    assertThat(query.get("data").asText()).isEqualTo("pick:a");
    assertThat(query.at("/from/id").asLong()).isEqualTo(ALICE.id());
    assertThat(query.at("/message/message_id").asLong()).isEqualTo(botMessageId);
    assertThat(query.at("/message/reply_markup/inline_keyboard/0/0/callback_data").asText())
        .isEqualTo("pick:a");
  }

  @Test
  void laterMessagesCarryTheUsersCurrentName() {
    emulator.bot(token).user(ALICE).sendsText("before");
    emulator.bot(token).user(UserSpec.of(ALICE.id(), "Alicia")).sendsText("after");

    JsonNode updates = api.form(token, "getUpdates", Map.of()).result();

    assertThat(updates.get(0).at("/message/from/first_name").asText()).isEqualTo("Alice");
    assertThat(updates.get(1).at("/message/from/first_name").asText()).isEqualTo("Alicia");
    assertThat(updates.get(1).at("/message/chat/first_name").asText()).isEqualTo("Alicia");
    assertThat(updates.get(1).at("/message/message_id").asLong())
        .isGreaterThan(updates.get(0).at("/message/message_id").asLong());
  }
}
