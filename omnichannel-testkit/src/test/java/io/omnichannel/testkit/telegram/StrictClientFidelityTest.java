package io.omnichannel.testkit.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * What a strictly typed third-party client expects of the real server and found missing: the
 * stories rights of an administrator, downloads whose length matches what is sent, and the entities
 * Telegram computes for plain text (offsets in UTF-16 code units).
 */
class StrictClientFidelityTest extends EmulatorTest {
  private static final List<String> ADMINISTRATOR_REQUIRED =
      List.of(
          "can_be_edited",
          "is_anonymous",
          "can_manage_chat",
          "can_delete_messages",
          "can_manage_video_chats",
          "can_restrict_members",
          "can_promote_members",
          "can_change_info",
          "can_invite_users",
          "can_post_stories",
          "can_edit_stories",
          "can_delete_stories");

  /** 👋 is two UTF-16 code units, so every entity after it starts one further than its index. */
  private static final String RICH = "👋 @alice_bot https://t.me/x #тег /help@support_test_bot";

  private static final List<String> RICH_ENTITIES =
      List.of("3+10 mention", "14+14 url", "29+4 hashtag", "34+22 bot_command");

  @Test
  void anAdministratorCarriesEveryRequiredRightIncludingStories() {
    emulator.bot(token).group(GroupSpec.of(-4_001_234L, "Team")).addsBotAsAdministrator(ALICE);

    JsonNode member =
        api.form(token, "getUpdates", Map.of())
            .result()
            .get(0)
            .at("/my_chat_member/new_chat_member");

    assertThat(member.get("status").asText()).isEqualTo("administrator");
    assertThat(member.get("user").get("is_bot").asBoolean()).isTrue();
    for (String right : ADMINISTRATOR_REQUIRED) {
      assertThat(member.get(right)).as(right).isNotNull();
      assertThat(member.get(right).isBoolean()).as(right + " is a boolean").isTrue();
    }
  }

  @Test
  void aDownloadAskedWithGzipArrivesWholeAndAsLongAsAnnounced() throws Exception {
    byte[] content =
        "строка журнала, повторяется\n".repeat(20_000).getBytes(StandardCharsets.UTF_8);
    InjectedUpdate update =
        emulator.bot(token).user(ALICE).sendsDocument("journal.txt", "text/plain", content);
    String fileId = Json.parse(update.json()).at("/message/document/file_id").asText();
    String path =
        api.form(token, "getFile", Map.of("file_id", fileId)).result().get("file_path").asText();

    HttpResponse<byte[]> download =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(emulator.baseUrl() + "/file/bot" + token + "/" + path))
                    .header("Accept-Encoding", "gzip")
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());

    assertThat(download.statusCode()).isEqualTo(200);
    download
        .headers()
        .firstValueAsLong("Content-Length")
        .ifPresent(
            announced ->
                assertThat(download.body())
                    .as("bytes on the wire")
                    .hasSize((int) (long) announced));
    assertThat(decoded(download)).isEqualTo(content);
  }

  @Test
  void aSentTextCarriesTheEntitiesTelegramFindsWithUtf16Offsets() {
    emulator.bot(token).user(ALICE).sendsText("hi");

    JsonNode sent =
        api.form(token, "sendMessage", Map.of("chat_id", ALICE.id(), "text", RICH)).result();

    assertThat(entities(sent.get("entities"))).containsExactlyElementsOf(RICH_ENTITIES);
    assertThat(
            entities(
                Json.parse(emulator.sentMessages(token, ALICE.id()).get(0).json()).get("entities")))
        .as("the message as kept (and embedded in a user's reply)")
        .containsExactlyElementsOf(RICH_ENTITIES);
  }

  @Test
  void aUsersTextAndCaptionCarryEntitiesToo() {
    emulator.bot(token).user(ALICE).sendsText(RICH);
    emulator
        .bot(token)
        .user(ALICE)
        .sendsPhoto("смотрите www.example.com/a, пишите на help@example.com");
    emulator.bot(token).user(ALICE).sendsText("просто текст, без ссылок: 3.14 и e-mail нет");

    JsonNode updates = api.form(token, "getUpdates", Map.of()).result();

    assertThat(entities(updates.get(0).at("/message/entities")))
        .containsExactlyElementsOf(RICH_ENTITIES);
    assertThat(entities(updates.get(1).at("/message/caption_entities")))
        .containsExactly("9+17 url", "38+16 email");
    assertThat(updates.get(2).get("message").has("entities")).as("nothing to mark").isFalse();
  }

  private static List<String> entities(JsonNode entities) {
    assertThat(entities.isArray()).as("entities present").isTrue();
    return java.util.stream.StreamSupport.stream(entities.spliterator(), false)
        .map(
            e ->
                e.get("offset").asInt()
                    + "+"
                    + e.get("length").asInt()
                    + " "
                    + e.get("type").asText())
        .toList();
  }

  private static byte[] decoded(HttpResponse<byte[]> download) {
    boolean gzipped =
        download
            .headers()
            .firstValue("Content-Encoding")
            .filter("gzip"::equalsIgnoreCase)
            .isPresent();
    if (!gzipped) {
      return download.body();
    }
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(download.body()))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
