package io.omnichannel.testkit.oneconnect;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

class SendMessageTest extends EmulatorTest {
  @Test
  void aMessageWithAKeyboardLandsInTheTranscript() {
    HttpResponse<String> response =
        bot.postJson(
            "/v1/line/send/message/",
            """
                {"line_id":"%s","user_id":"%s","author_id":"%s","text":"Choose",
                 "keyboard":[[{"id":"1","text":"Yes"},{"text":"No"}],[{"text":"Back"}]],
                 "general_settings":false,"bot_as_spec":true}
                """
                .formatted(world.support.id(), world.user.id(), world.specialist.id()));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEmpty();
    List<TranscriptEntry> transcript =
        emulator.inspection().transcript(world.support.id(), world.user.id());
    assertThat(transcript).hasSize(1);
    TranscriptEntry entry = transcript.get(0);
    assertThat(entry.direction()).isEqualTo(TranscriptEntry.Direction.TO_USER);
    assertThat(entry.source()).isEqualTo(TranscriptEntry.Source.API);
    assertThat(entry.text()).isEqualTo("Choose");
    assertThat(entry.authorId()).isEqualTo(world.specialist.id());
    assertThat(entry.keyboard())
        .containsExactly(
            List.of(new Button("1", "Yes"), Button.of("No")), List.of(Button.of("Back")));
  }

  @Test
  void aUserWhoIsNotSubscribedGetsTheRecorded403() {
    ClientUser stranger = emulator.world().addClientUser(world.client.id(), "Oleg", null);

    HttpResponse<String> response =
        bot.postJson(
            "/v1/line/send/message/",
            "{\"line_id\":\""
                + world.support.id()
                + "\",\"user_id\":\""
                + stranger.id()
                + "\",\"text\":\"hi\"}");

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValue("application/json; charset=utf-8");
    assertThat(response.body())
        .isEqualTo("{\"error\":\"User is not a subscriber or never been online\"}");
    assertThat(emulator.inspection().transcript(world.support.id(), stranger.id())).isEmpty();
  }

  @Test
  void aBannedUserIsNoLongerASubscriber() {
    emulator.world().ban(world.user.id(), world.support.id());

    HttpResponse<String> response =
        bot.postJson(
            "/v1/line/send/message",
            "{\"line_id\":\""
                + world.support.id()
                + "\",\"user_id\":\""
                + world.user.id()
                + "\",\"text\":\"hi\"}");

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body())
        .isEqualTo("{\"error\":\"User is not a subscriber or never been online\"}");
  }

  @Test
  void malformedMessagesAre400() {
    String line = world.support.id();
    String user = world.user.id();
    assertThat(
            bot.postJson("/v1/line/send/message/", "{\"user_id\":\"" + user + "\",\"text\":\"x\"}")
                .statusCode())
        .isEqualTo(400);
    assertThat(
            bot.postJson(
                    "/v1/line/send/message/",
                    "{\"line_id\":\"" + line + "\",\"user_id\":\"" + user + "\"}")
                .statusCode())
        .isEqualTo(400);
    assertThat(
            bot.postJson(
                    "/v1/line/send/message/",
                    "{\"line_id\":\""
                        + line
                        + "\",\"user_id\":\""
                        + user
                        + "\",\"text\":\"x\",\"keyboard\":[{\"text\":\"not a row\"}]}")
                .statusCode())
        .isEqualTo(400);
    assertThat(
            bot.postJson(
                    "/v1/line/send/message/",
                    "{\"line_id\":\""
                        + line
                        + "\",\"user_id\":\""
                        + user
                        + "\",\"text\":\"x\",\"keyboard\":[[{\"id\":\"1\"}]]}")
                .statusCode())
        .isEqualTo(400);
    assertThat(emulator.inspection().transcript(line, user)).isEmpty();
  }

  @Test
  void anUnknownLineIs404() {
    HttpResponse<String> response =
        bot.postJson(
            "/v1/line/send/message/",
            "{\"line_id\":\"nope\",\"user_id\":\"" + world.user.id() + "\",\"text\":\"hi\"}");

    assertThat(response.statusCode()).isEqualTo(404);
  }

  @Test
  void droppingTheKeyboardIsRecorded() {
    HttpResponse<String> response =
        bot.postJson(
            "/v1/line/drop/keyboard",
            "{\"line_id\":\"" + world.support.id() + "\",\"user_id\":\"" + world.user.id() + "\"}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(emulator.inspection().transcript(world.support.id(), world.user.id()))
        .extracting(TranscriptEntry::kind)
        .containsExactly(TranscriptEntry.Kind.KEYBOARD_DROPPED);
  }

  @Test
  void theManagementLineAnswersASpecialistWhoWroteToIt() {
    Http platform = Http.to(emulator.baseUrl()).as(World.PLATFORM_LOGIN, World.PLATFORM_PASSWORD);

    HttpResponse<String> response =
        platform.postJson(
            "/v1/line/send/message/",
            """
                {"line_id":"%s","user_id":"%s","text":"Выберите","keyboard":[[{"text":"Telegram"}]]}
                """
                .formatted(world.management.id(), world.specialist.id()));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(emulator.inspection().transcript(world.management.id(), world.specialist.id()))
        .extracting(TranscriptEntry::text)
        .containsExactly("Выберите");
  }
}
