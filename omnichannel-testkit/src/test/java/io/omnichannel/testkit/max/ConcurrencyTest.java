package io.omnichannel.testkit.max;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Many users write while the bot polls and answers from several threads: nothing lost, no dupes.
 */
class ConcurrencyTest extends MaxEmulatorTest {

  @Test
  void concurrentWritersPollersAndSendersLoseNothing() throws Exception {
    int users = 8;
    int perUser = 25;
    ExecutorService pool = Executors.newFixedThreadPool(users);
    try {
      List<CompletableFuture<Void>> writers = new ArrayList<>();
      for (int u = 0; u < users; u++) {
        MaxDialogScenario dialog =
            emulator.bot(token).dialog(MaxUser.of(7_000_000L + u, "User" + u));
        writers.add(
            CompletableFuture.runAsync(
                () -> {
                  for (int i = 0; i < perUser; i++) {
                    dialog.sendsText(dialog.user().userId() + ":" + i);
                    api.post(
                        "/messages?chat_id=" + dialog.chatId(), "{\"text\":\"ack " + i + "\"}");
                  }
                },
                pool));
      }
      CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

      Set<String> mids = new HashSet<>();
      Long marker = null;
      for (int round = 0; round < 10 && mids.size() < users * perUser; round++) {
        JsonNode batch =
            api.get("/updates?timeout=0" + (marker == null ? "" : "&marker=" + marker)).json();
        batch
            .path("updates")
            .forEach(u -> assertThat(mids.add(u.at("/message/body/mid").asText())).isTrue());
        marker = batch.path("marker").asLong();
      }

      assertThat(mids).hasSize(users * perUser);
      for (int u = 0; u < users; u++) {
        long chatId = emulator.bot(token).dialog(MaxUser.of(7_000_000L + u, "User" + u)).chatId();
        assertThat(emulator.awaitSent(token, chatId, perUser, Duration.ofSeconds(5)))
            .hasSize(perUser);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void oversizedJsonBodyIsRefused() {
    emulator.bot(token).dialog(ALICE).startsBot();

    MaxApiClient.Response answer =
        api.post(
            "/messages?user_id=" + ALICE.userId(),
            "{\"text\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}");

    assertThat(answer.status()).isEqualTo(413);
    assertThat(answer.code()).isEqualTo("request.too.large");
  }
}
