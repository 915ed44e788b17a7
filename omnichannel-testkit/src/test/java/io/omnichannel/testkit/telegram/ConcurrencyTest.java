package io.omnichannel.testkit.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Hundreds of concurrent calls: nothing lost, message ids unique per chat, counts exact. */
class ConcurrencyTest extends EmulatorTest {

  @Test
  void concurrentSendsAndInjectionsStayConsistent() throws Exception {
    int chats = 20;
    int perChat = 25;
    for (int c = 0; c < chats; c++) {
      emulator.bot(token).user(UserSpec.of(900_000L + c, "U" + c)).sendsText("hi");
    }
    List<CompletableFuture<ApiResponse>> calls = new ArrayList<>();
    for (int i = 0; i < perChat; i++) {
      for (int c = 0; c < chats; c++) {
        calls.add(
            api.formAsync(token, "sendMessage", Map.of("chat_id", 900_000L + c, "text", "m" + i)));
      }
    }
    CompletableFuture<Void> injections =
        CompletableFuture.runAsync(
            () -> {
              for (int i = 0; i < 200; i++) {
                emulator
                    .bot(token)
                    .user(UserSpec.of(900_000L + (i % chats), "U"))
                    .sendsText("more " + i);
              }
            });

    for (CompletableFuture<ApiResponse> call : calls) {
      assertThat(call.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
    }
    injections.get(30, TimeUnit.SECONDS);

    for (int c = 0; c < chats; c++) {
      List<SentMessage> sent = emulator.sentMessages(token, 900_000L + c);
      assertThat(sent).hasSize(perChat);
      assertThat(sent.stream().map(SentMessage::messageId).distinct()).hasSize(perChat);
    }
    assertThat(api.form(token, "getUpdates", Map.of("limit", 100)).result()).hasSize(100);
    assertThat(emulator.pendingUpdateCount(token)).isEqualTo(chats + 200);
  }
}
