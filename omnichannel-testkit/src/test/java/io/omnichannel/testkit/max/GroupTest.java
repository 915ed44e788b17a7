package io.omnichannel.testkit.max;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Group chats: visibility only as admin with read_all_messages, membership updates, chat info. */
class GroupTest extends MaxEmulatorTest {
  private static final long GROUP = -70_801_090_403_050L;

  private JsonNode poll() {
    JsonNode batch = api.get("/updates?timeout=0").json();
    api.get("/updates?timeout=0&marker=" + batch.path("marker").asLong());
    return batch.path("updates");
  }

  @Test
  void aPlainMemberBotSeesBotAddedButNoMessages() {
    MaxGroupScenario team = emulator.bot(token).group(GROUP, "Team");
    MaxInjected added = team.addsBot(ALICE);
    MaxInjected unseen = team.member(BOB).sendsText("hello all");

    JsonNode updates = poll();

    assertThat(added.delivered()).isTrue();
    assertThat(unseen.delivered()).isFalse();
    assertThat(updates).hasSize(1);
    assertThat(updates.get(0).path("update_type").asText()).isEqualTo("bot_added");
    assertThat(updates.get(0).path("chat_id").asLong()).isEqualTo(GROUP);
    assertThat(updates.get(0).at("/user/user_id").asLong()).isEqualTo(ALICE.userId());
    assertThat(updates.get(0).path("is_channel").asBoolean()).isFalse();
  }

  @Test
  void adminWithoutReadAllMessagesStillSeesNothing() {
    MaxGroupScenario team = emulator.bot(token).group(GROUP, "Team");
    team.addsBot(ALICE);
    team.makesBotAdmin(Set.of("write", "pin_message"));
    poll();

    team.member(BOB).sendsText("invisible");

    assertThat(poll()).isEmpty();
  }

  @Test
  void adminBotSeesMessagesMembershipAndTitleAndAnswersIntoTheGroup() {
    MaxGroupScenario team = emulator.bot(token).group(GROUP, "Team");
    team.addsBot(ALICE);
    team.makesBotAdmin();
    poll();
    MaxUser carol = MaxUser.of(5_000_003L, "Carol");

    team.member(BOB).sendsText("question");
    team.addsMember(carol, ALICE);
    team.removesMember(carol, null);
    team.changesTitle("Team 2", ALICE);
    JsonNode updates = poll();
    MaxApiClient.Response answer = api.post("/messages?chat_id=" + GROUP, "{\"text\":\"answer\"}");

    assertThat(updates)
        .extracting(u -> u.path("update_type").asText())
        .containsExactly("message_created", "user_added", "user_removed", "chat_title_changed");
    JsonNode message = updates.get(0).path("message");
    assertThat(message.at("/recipient/chat_type").asText()).isEqualTo("chat");
    assertThat(message.at("/recipient/chat_id").asLong()).isEqualTo(GROUP);
    assertThat(message.at("/sender/first_name").asText()).isEqualTo("Bob");
    assertThat(updates.get(1).path("inviter_id").asLong()).isEqualTo(ALICE.userId());
    assertThat(updates.get(2).path("admin_id").isNull()).as("left by themselves").isTrue();
    assertThat(updates.get(3).path("title").asText()).isEqualTo("Team 2");
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().at("/message/recipient/user_id").isNull()).isTrue();
    assertThat(emulator.sentMessages(token, GROUP))
        .extracting(MaxSentMessage::text)
        .containsExactly("answer");
  }

  @Test
  void chatMembersAndBotMembershipAreReadable() {
    MaxGroupScenario team = emulator.bot(token).group(GROUP, "Team");
    team.addsBot(ALICE);
    team.makesBotAdmin();
    team.addsMember(BOB, ALICE);

    JsonNode chat = api.get("/chats/" + GROUP).json();
    JsonNode members = api.get("/chats/" + GROUP + "/members?count=2").json();
    JsonNode rest =
        api.get("/chats/" + GROUP + "/members?count=2&marker=" + members.path("marker").asLong())
            .json();
    JsonNode me = api.get("/chats/" + GROUP + "/members/me").json();
    JsonNode admins = api.get("/chats/" + GROUP + "/members/admins").json();

    assertThat(chat.path("type").asText()).isEqualTo("chat");
    assertThat(chat.path("title").asText()).isEqualTo("Team");
    assertThat(chat.path("status").asText()).isEqualTo("active");
    assertThat(chat.path("participants_count").asInt()).isEqualTo(3);
    assertThat(chat.path("owner_id").asLong()).isEqualTo(ALICE.userId());
    assertThat(members.path("members")).hasSize(2);
    assertThat(members.path("marker").asLong()).isPositive();
    assertThat(rest.path("members")).hasSize(1);
    assertThat(rest.path("marker").isNull()).isTrue();
    assertThat(me.path("is_admin").asBoolean()).isTrue();
    assertThat(me.path("permissions").toString()).contains("read_all_messages");
    assertThat(admins.path("members"))
        .extracting(m -> m.path("user_id").asLong())
        .containsExactlyInAnyOrder(ALICE.userId(), botInfo.userId());
  }

  @Test
  void afterBotRemovedTheGroupIsNotFound() {
    MaxGroupScenario team = emulator.bot(token).group(GROUP, "Team");
    team.addsBot(ALICE);
    team.removesBot(ALICE);

    JsonNode updates = poll();
    MaxApiClient.Response send = api.post("/messages?chat_id=" + GROUP, "{\"text\":\"hi\"}");
    MaxApiClient.Response info = api.get("/chats/" + GROUP);

    assertThat(updates.get(1).path("update_type").asText()).isEqualTo("bot_removed");
    assertThat(send.status()).isEqualTo(404);
    assertThat(send.code()).isEqualTo("chat.not.found");
    assertThat(send.message()).isEqualTo("Chat " + GROUP + " not found");
    assertThat(info.status()).isEqualTo(404);
  }
}
