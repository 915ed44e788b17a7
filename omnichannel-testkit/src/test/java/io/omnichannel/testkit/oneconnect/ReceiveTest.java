package io.omnichannel.testkit.oneconnect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReceiveTest extends EmulatorTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  OneConnectEmulatorConfig config() {
    return OneConnectEmulatorConfig.builder().maxFileBytes(100).maxImageBytes(50).build();
  }

  private String message(String lineId, String userId, String externalId) {
    return "{\"line_id\":\""
        + lineId
        + "\",\"user_id\":\""
        + userId
        + "\",\"text\":\"Hello\",\"external_id\":\""
        + externalId
        + "\"}";
  }

  @Test
  void theSameExternalIdDeliversOnceAndAnswersTheSameMessageId() throws Exception {
    HttpResponse<String> first =
        bot.postJson(
            "/v1/line/receive/message/", message(world.support.id(), world.user.id(), "tg-1"));
    HttpResponse<String> second =
        bot.postJson(
            "/v1/line/receive/message", message(world.support.id(), world.user.id(), "tg-1"));

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.headers().firstValue("Content-Type"))
        .hasValue("application/json; charset=utf-8");
    String messageId = JSON.readTree(first.body()).get("message_id").asText();
    assertThat(messageId).matches("[0-9a-f-]{36}");
    assertThat(JSON.readTree(second.body()).get("message_id").asText()).isEqualTo(messageId);
    var transcript = emulator.inspection().transcript(world.support.id(), world.user.id());
    assertThat(transcript).hasSize(1);
    assertThat(transcript.get(0).messageId()).isEqualTo(messageId);
    assertThat(transcript.get(0).direction()).isEqualTo(TranscriptEntry.Direction.TO_LINE);
    assertThat(transcript.get(0).authorId()).isEqualTo(world.user.id());
    assertThat(transcript.get(0).externalId()).isEqualTo("tg-1");
  }

  @Test
  void aDifferentExternalIdIsANewMessage() {
    bot.postJson("/v1/line/receive/message/", message(world.support.id(), world.user.id(), "tg-1"));
    bot.postJson("/v1/line/receive/message/", message(world.support.id(), world.user.id(), "tg-2"));

    assertThat(emulator.inspection().transcript(world.support.id(), world.user.id())).hasSize(2);
  }

  @Test
  void aBannedUsersMessageIs403AndNotDelivered() {
    emulator.world().ban(world.user.id(), world.support.id());

    HttpResponse<String> response =
        bot.postJson(
            "/v1/line/receive/message/", message(world.support.id(), world.user.id(), "tg-1"));

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).isEqualTo("{\"error\":\"Line is switched off for this user\"}");
    assertThat(emulator.inspection().transcript(world.support.id(), world.user.id())).isEmpty();

    emulator.world().unban(world.user.id(), world.support.id());
    assertThat(
            bot.postJson(
                    "/v1/line/receive/message/",
                    message(world.support.id(), world.user.id(), "tg-1"))
                .statusCode())
        .isEqualTo(200);
  }

  @Test
  void theTariffOptionOffIs403WithTheOptionsText() {
    emulator.world().setExternalChannels(world.company.id(), false);

    HttpResponse<String> response =
        bot.postJson(
            "/v1/line/receive/message/", message(world.support.id(), world.user.id(), "tg-1"));

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).isEqualTo("{\"error\":\"External channels option is not active\"}");
    assertThat(emulator.inspection().transcript(world.support.id(), world.user.id())).isEmpty();
  }

  @Test
  void unknownLineOrUserIs404() {
    assertThat(
            bot.postJson("/v1/line/receive/message/", message("no-line", world.user.id(), "a"))
                .statusCode())
        .isEqualTo(404);
    HttpResponse<String> unknownUser =
        bot.postJson("/v1/line/receive/message/", message(world.support.id(), "no-user", "b"));
    assertThat(unknownUser.statusCode()).isEqualTo(404);
    assertThat(unknownUser.body()).isEqualTo("{\"error\":\"User not found\"}");
  }

  @Test
  void missingFieldsAre400AndWrongCredentials401() {
    assertThat(
            bot.postJson(
                    "/v1/line/receive/message/",
                    "{\"line_id\":\""
                        + world.support.id()
                        + "\",\"user_id\":\""
                        + world.user.id()
                        + "\",\"text\":\"x\"}")
                .statusCode())
        .isEqualTo(400);
    assertThat(
            Http.to(emulator.baseUrl())
                .as(World.LOGIN, "bad")
                .postJson(
                    "/v1/line/receive/message/", message(world.support.id(), world.user.id(), "c"))
                .statusCode())
        .isEqualTo(401);
  }

  @Test
  void aReceivedFileIsStoredAndDownloadableWithTheAccountsBasicAuth() throws Exception {
    byte[] bytes = "hello file".getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> response =
        bot.post(
            "/v1/line/receive/file/",
            MultipartBody.create()
                .json(
                    "meta",
                    "{\"line_id\":\""
                        + world.support.id()
                        + "\",\"user_id\":\""
                        + world.user.id()
                        + "\",\"file_name\":\"note.txt\",\"comment\":\"caption\",\"external_id\":\"tg-f1\"}")
                .part("file", "note.txt", "text/plain", bytes));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(response.body()).get("message_id").asText()).isNotEmpty();
    TranscriptEntry entry =
        emulator.inspection().transcript(world.support.id(), world.user.id()).get(0);
    assertThat(entry.text()).isEqualTo("caption");
    String path = entry.file().url().substring(emulator.baseUrl().length());
    HttpResponse<byte[]> download = bot.getBytes(path);
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.body()).isEqualTo(bytes);
    assertThat(Http.to(emulator.baseUrl()).getBytes(path).statusCode()).isEqualTo(401);
  }

  @Test
  void aReceivedFileOverTheLimitIs413() {
    HttpResponse<String> response =
        bot.post(
            "/v1/line/receive/image/",
            MultipartBody.create()
                .json(
                    "meta",
                    "{\"line_id\":\""
                        + world.support.id()
                        + "\",\"user_id\":\""
                        + world.user.id()
                        + "\",\"file_name\":\"p.jpg\",\"external_id\":\"tg-p1\"}")
                .part("file", "p.jpg", "image/jpeg", new byte[51]));

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(emulator.inspection().transcript(world.support.id(), world.user.id())).isEmpty();
  }

  @Test
  void aReceivedFileWithWrongPartsIs400() {
    HttpResponse<String> response =
        bot.post(
            "/v1/line/receive/file/",
            MultipartBody.create()
                .json(
                    "meta",
                    "{\"line_id\":\""
                        + world.support.id()
                        + "\",\"user_id\":\""
                        + world.user.id()
                        + "\",\"file_name\":\"a\",\"external_id\":\"e\"}")
                .part("upload", "a", "text/plain", new byte[] {1}));

    assertThat(response.statusCode()).isEqualTo(400);
  }
}
