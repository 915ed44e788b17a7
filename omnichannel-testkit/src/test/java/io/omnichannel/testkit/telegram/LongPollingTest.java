package io.omnichannel.testkit.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnichannel.testkit.support.LoopbackServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LongPollingTest extends EmulatorTest {

  @Test
  void aWaitingPollIsAnsweredWhenAnUpdateArrives() throws Exception {
    CompletableFuture<ApiResponse> poll = api.formAsync(token, "getUpdates", Map.of("timeout", 30));
    awaitPollRegistered(poll);

    emulator.bot(token).user(ALICE).sendsText("wake up");

    ApiResponse response = poll.get(5, TimeUnit.SECONDS);
    assertThat(response.result()).hasSize(1);
    assertThat(response.result().get(0).at("/message/text").asText()).isEqualTo("wake up");
  }

  @Test
  void aPollWithoutUpdatesAnswersAnEmptyListAfterTheTimeout() throws Exception {
    long started = System.nanoTime();
    ApiResponse response =
        api.formAsync(token, "getUpdates", Map.of("timeout", 1)).get(5, TimeUnit.SECONDS);

    assertThat(response.result()).isEmpty();
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isBetween(900L, 4000L);
  }

  @Test
  void aSecondPollTerminatesTheFirstWithConflict() throws Exception {
    CompletableFuture<ApiResponse> first =
        api.formAsync(token, "getUpdates", Map.of("timeout", 30));
    awaitPollRegistered(first);

    CompletableFuture<ApiResponse> second =
        api.formAsync(token, "getUpdates", Map.of("timeout", 30));

    ApiResponse terminated = first.get(5, TimeUnit.SECONDS);
    assertThat(terminated.status()).isEqualTo(409);
    assertThat(terminated.description())
        .isEqualTo(
            "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running");
    emulator.bot(token).user(ALICE).sendsText("for the second");
    assertThat(second.get(5, TimeUnit.SECONDS).result()).hasSize(1);
  }

  @Test
  void getUpdatesConflictsWithAWebhook() {
    api.form(token, "setWebhook", Map.of("url", "http://127.0.0.1:9/hook")).result();

    ApiResponse response = api.form(token, "getUpdates", Map.of());

    assertThat(response.status()).isEqualTo(409);
    assertThat(response.description())
        .isEqualTo(
            "Conflict: can't use getUpdates method while webhook is active;"
                + " use deleteWebhook to delete the webhook first");
    api.form(token, "deleteWebhook", Map.of()).result();
    assertThat(api.form(token, "getUpdates", Map.of()).status()).isEqualTo(200);
  }

  @Test
  void manyBotsPollAtOnceWithoutHoldingServerThreads() throws Exception {
    // far more pollers than the server has threads: only works if waiting polls hold none; 300
    // rather
    // than 1,000 keeps both ends of the connections (600 descriptors) under a default ulimit of
    // 1024
    int bots = 300;
    assertThat(bots).isGreaterThan(4 * LoopbackServer.MAX_THREADS);
    List<String> tokens = new ArrayList<>();
    List<CompletableFuture<ApiResponse>> polls = new ArrayList<>();
    for (int i = 0; i < bots; i++) {
      String botToken = emulator.createBot("Bot " + i, "load_" + i + "_bot").token();
      tokens.add(botToken);
      polls.add(api.formAsync(botToken, "getUpdates", Map.of("timeout", 30)));
    }
    for (int i = 0; i < bots; i++) {
      awaitPollRegistered(tokens.get(i), polls.get(i));
    }
    assertThat(api.get(token, "getMe", Map.of()).status()).isEqualTo(200);

    for (String botToken : tokens) {
      emulator.bot(botToken).user(ALICE).sendsText("hi");
    }
    for (CompletableFuture<ApiResponse> poll : polls) {
      JsonNode result = poll.get(10, TimeUnit.SECONDS).result();
      assertThat(result).hasSize(1);
    }
  }

  private void awaitPollRegistered(CompletableFuture<ApiResponse> poll) {
    awaitPollRegistered(token, poll);
  }

  private void awaitPollRegistered(String botToken, CompletableFuture<ApiResponse> poll) {
    emulator.awaitPolling(botToken, Duration.ofSeconds(5));
    assertThat(poll).isNotDone();
  }
}
