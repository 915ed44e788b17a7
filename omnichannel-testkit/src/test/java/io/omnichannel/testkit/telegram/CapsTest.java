package io.omnichannel.testkit.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Memory stays bounded: history, pending updates and file bytes are capped as documented. */
class CapsTest extends EmulatorTest {

  @Override
  TelegramEmulatorConfig config() {
    return super.config().withCaps(5, 5, 10, 1_000);
  }

  @Test
  void sentHistoryKeepsTheNewestButCountsAll() {
    emulator.bot(token).user(ALICE).sendsText("hi");
    for (int i = 1; i <= 8; i++) {
      api.form(token, "sendMessage", Map.of("chat_id", ALICE.id(), "text", "m" + i)).result();
    }

    assertThat(emulator.sentMessages(token, ALICE.id()))
        .extracting(SentMessage::text)
        .containsExactly("m4", "m5", "m6", "m7", "m8");
    assertThat(emulator.sentCount(token, ALICE.id())).isEqualTo(8);
  }

  @Test
  void pendingUpdatesDropTheOldestBeyondTheCap() {
    for (int i = 1; i <= 12; i++) {
      emulator.bot(token).user(ALICE).sendsText("u" + i);
    }

    JsonNode updates = api.form(token, "getUpdates", Map.of()).result();

    assertThat(updates).hasSize(10);
    assertThat(updates.get(0).at("/message/text").asText()).isEqualTo("u3");
  }

  @Test
  void fileBytesBeyondTheCapAreEvictedOldestFirst() {
    PrivateChatScenario alice = emulator.bot(token).user(ALICE);
    String first =
        documentId(alice.sendsDocument("a.bin", "application/octet-stream", new byte[600]));
    String second =
        documentId(alice.sendsDocument("b.bin", "application/octet-stream", new byte[600]));

    assertThat(download(first)).isEqualTo(404);
    assertThat(download(second)).isEqualTo(200);
  }

  private int download(String fileId) {
    String path =
        api.form(token, "getFile", Map.of("file_id", fileId)).result().get("file_path").asText();
    return api.download(token, path).statusCode();
  }

  private static String documentId(InjectedUpdate update) {
    return Json.parse(update.json()).at("/message/document/file_id").asText();
  }
}
