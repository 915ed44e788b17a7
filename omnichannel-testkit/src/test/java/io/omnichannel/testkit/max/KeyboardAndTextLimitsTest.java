package io.omnichannel.testkit.max;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** NewMessageBody limits: text ≤ 4000, inline keyboards ≤ 210 buttons, ≤ 30 rows, ≤ 7 / ≤ 3. */
class KeyboardAndTextLimitsTest extends MaxEmulatorTest {
  private String target;

  @BeforeEach
  void dialog() {
    emulator.bot(token).dialog(ALICE).startsBot();
    target = "/messages?user_id=" + ALICE.userId();
  }

  private static String callback(int i) {
    return "{\"type\":\"callback\",\"text\":\"B" + i + "\",\"payload\":\"p" + i + "\"}";
  }

  private static String link(int i) {
    return "{\"type\":\"link\",\"text\":\"L" + i + "\",\"url\":\"https://example.com/" + i + "\"}";
  }

  private static String keyboard(List<List<String>> rows) {
    List<String> jsonRows = new ArrayList<>();
    for (List<String> row : rows) {
      jsonRows.add("[" + String.join(",", row) + "]");
    }
    return "{\"text\":\"menu\",\"attachments\":[{\"type\":\"inline_keyboard\",\"payload\":"
        + "{\"buttons\":["
        + String.join(",", jsonRows)
        + "]}}]}";
  }

  private static List<List<String>> grid(int rows, int perRow) {
    List<List<String>> grid = new ArrayList<>();
    for (int r = 0; r < rows; r++) {
      List<String> row = new ArrayList<>();
      for (int c = 0; c < perRow; c++) {
        row.add(callback(r * perRow + c));
      }
      grid.add(row);
    }
    return grid;
  }

  @Test
  void textOf4000IsSentAnd4001Refused() {
    String max = "x".repeat(4000);

    MaxApiClient.Response ok = api.post(target, "{\"text\":\"" + max + "\"}");
    MaxApiClient.Response tooLong = api.post(target, "{\"text\":\"" + max + "y\"}");

    assertThat(ok.status()).isEqualTo(200);
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.code()).isEqualTo("proto.payload");
    assertThat(tooLong.message()).contains("4000");
  }

  @Test
  void emptyMessageIsRefused() {
    MaxApiClient.Response empty = api.post(target, "{\"text\":\"\",\"attachments\":[]}");

    assertThat(empty.status()).isEqualTo(400);
  }

  @Test
  void thirtyRowsOfSevenAre210AndPass() {
    MaxApiClient.Response full = api.post(target, keyboard(grid(30, 7)));

    assertThat(full.status()).isEqualTo(200);
    MaxSentMessage sent =
        emulator.sentMessages(token, emulator.bot(token).dialog(ALICE).chatId()).get(0);
    assertThat(sent.buttons()).hasSize(30);
    assertThat(sent.allButtons()).hasSize(210);
    assertThat(sent.allButtons().get(209).payload()).isEqualTo("p209");
  }

  @Test
  void rowCountButtonsPerRowAndTotalAreLimited() {
    List<List<String>> thirtyOneRows = grid(31, 1);
    List<List<String>> eightInARow = grid(1, 8);
    List<List<String>> twoHundredEleven = grid(30, 7);
    twoHundredEleven.get(0).add(callback(999));

    assertThat(api.post(target, keyboard(thirtyOneRows)).message()).contains("30 rows");
    assertThat(api.post(target, keyboard(eightInARow)).message()).contains("at most 7");
    MaxApiClient.Response tooMany = api.post(target, keyboard(twoHundredEleven));
    assertThat(tooMany.status()).isEqualTo(400);
    assertThat(tooMany.message()).contains("at most");
  }

  @Test
  void aRowWithALinkButtonHoldsAtMostThree() {
    List<List<String>> three = List.of(List.of(link(1), callback(2), callback(3)));
    List<List<String>> four = List.of(List.of(link(1), callback(2), callback(3), callback(4)));

    MaxApiClient.Response ok = api.post(target, keyboard(three));
    MaxApiClient.Response refused = api.post(target, keyboard(four));

    assertThat(ok.status()).isEqualTo(200);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.message()).contains("at most 3");
    MaxSentMessage sent =
        emulator.sentMessages(token, emulator.bot(token).dialog(ALICE).chatId()).get(0);
    assertThat(sent.allButtons().get(0))
        .isEqualTo(new MaxButton("link", "L1", null, "https://example.com/1"));
  }

  @Test
  void buttonTextAndPayloadAreChecked() {
    String longText =
        "{\"type\":\"callback\",\"text\":\"" + "t".repeat(129) + "\",\"payload\":\"p\"}";
    String noPayload = "{\"type\":\"callback\",\"text\":\"t\"}";
    String unknownType = "{\"type\":\"bogus\",\"text\":\"t\"}";

    for (String button : List.of(longText, noPayload, unknownType)) {
      MaxApiClient.Response answer =
          api.post(target, keyboard(List.of(Collections.singletonList(button))));
      assertThat(answer.status()).as(button).isEqualTo(400);
    }
  }
}
