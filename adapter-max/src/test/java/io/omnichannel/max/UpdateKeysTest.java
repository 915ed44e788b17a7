package io.omnichannel.max;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnichannel.messenger.support.PolledBot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** MAX updates have no id: each gets a stable key, and the chat it belongs to. */
class UpdateKeysTest {

  private static JsonNode update(String fixture) throws IOException {
    return Fixtures.JSON.readTree(Fixtures.read(fixture));
  }

  @Test
  void aNewMessageIsKeyedByItsMidAndOrderedByItsChat() throws IOException {
    JsonNode update = update("dialog_text.json");

    assertThat(UpdateKeys.sourceId(update)).contains("mid.ffffbdb48e6c3775019d496b34394b84");
    assertThat(UpdateKeys.chatKey(update)).isEqualTo("880001");
  }

  @Test
  void eachEditOfAMessageHasItsOwnKeyApartFromTheMessage() throws IOException {
    assertThat(UpdateKeys.sourceId(update("edited.json")))
        .contains("mid.ffffbdb48e6c3775019d496b34394b84@1767700009000");
  }

  @Test
  void otherKindsAreKeyedByTypeChatUserAndTime() throws IOException {
    JsonNode stopped = update("bot_stopped.json");

    assertThat(UpdateKeys.sourceId(stopped)).contains("bot_stopped:880001:7001:1767700013000");
    assertThat(UpdateKeys.chatKey(stopped)).isEqualTo("880001");
    assertThat(UpdateKeys.sourceId(update("bot_added.json")))
        .contains("bot_added:-70801090403050:7002:1767700014000");
  }

  @Test
  void theSameUpdateDeliveredTwiceHasTheSameKey() throws IOException {
    assertThat(UpdateKeys.sourceId(update("user_added.json")))
        .isEqualTo(UpdateKeys.sourceId(update("user_added.json")));
  }

  @Test
  void whatIsNoUpdateHasNoKeyAndAnUpdateWithoutChatHasTheNoneKey() throws IOException {
    assertThat(UpdateKeys.sourceId(Fixtures.JSON.readTree("{\"timestamp\":1}"))).isEmpty();
    assertThat(UpdateKeys.sourceId(Fixtures.JSON.readTree("{\"update_type\":\"x\"}"))).isEmpty();
    assertThat(UpdateKeys.sourceId(null)).isEmpty();
    assertThat(
            UpdateKeys.chatKey(Fixtures.JSON.readTree("{\"update_type\":\"x\",\"timestamp\":1}")))
        .isEqualTo("-");
    assertThat(
            UpdateKeys.sourceId(
                Fixtures.JSON.readTree(
                    "{\"update_type\":\"message_created\",\"timestamp\":1,"
                        + "\"message\":{\"body\":{\"mid\":\""
                        + "m".repeat(300)
                        + "\"}}}")))
        .as("a key longer than the store holds")
        .isEqualTo(Optional.empty());
  }

  @Test
  void aPolledBatchIsCutIntoUpdatesAsReceivedWithItsMarker() throws IOException {
    byte[] body = Fixtures.read("updates.json").getBytes(StandardCharsets.UTF_8);

    PolledBot.Answer batch = PolledBatch.slice(body, Fixtures.JSON);

    assertThat(batch.cursor()).hasValue(25493970);
    assertThat(batch.updates()).hasSize(2);
    assertThat(batch.updates().get(0).sourceId()).contains("mid.ffffbdb48e6c3775019d496b34394b84");
    assertThat(batch.updates().get(0).payload())
        .startsWith("{\"update_type\":\"message_created\"")
        .endsWith("}}}")
        .contains("116327994376978687");
    assertThat(batch.updates().get(1).chatKey()).isEqualTo("880001");
  }

  @Test
  void anEmptyBatchStillCarriesItsMarker() throws IOException {
    PolledBot.Answer batch =
        PolledBatch.slice(
            "{\"updates\":[],\"marker\":12}".getBytes(StandardCharsets.UTF_8), Fixtures.JSON);

    assertThat(batch.updates()).isEmpty();
    assertThat(batch.cursor()).hasValue(12);
  }
}
