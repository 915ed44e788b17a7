package io.omnichannel.testkit.oneconnect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void concurrentDuplicatesDeliverEachExternalIdExactlyOnce() throws Exception {
    try (OneConnectEmulator emulator = OneConnectEmulator.start()) {
      World world = new World(emulator);
      Http bot = Http.to(emulator.baseUrl()).as(World.LOGIN, World.PASSWORD);
      Map<String, Set<String>> idsByExternal = new ConcurrentHashMap<>();
      ExecutorService pool = Executors.newFixedThreadPool(8);
      try {
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
          String externalId = "tg-" + (i % 200);
          results.add(
              pool.submit(
                  () -> {
                    HttpResponse<String> response =
                        bot.postJson(
                            "/v1/line/receive/message/",
                            "{\"line_id\":\""
                                + world.support.id()
                                + "\",\"user_id\":\""
                                + world.user.id()
                                + "\",\"text\":\"m\",\"external_id\":\""
                                + externalId
                                + "\"}");
                    idsByExternal
                        .computeIfAbsent(externalId, k -> ConcurrentHashMap.newKeySet())
                        .add(JSON.readTree(response.body()).get("message_id").asText());
                    return response.statusCode();
                  }));
        }
        for (Future<Integer> result : results) {
          assertThat(result.get(60, TimeUnit.SECONDS)).isEqualTo(200);
        }
      } finally {
        pool.shutdownNow();
      }

      assertThat(idsByExternal).hasSize(200);
      assertThat(idsByExternal.values()).allSatisfy(ids -> assertThat(ids).hasSize(1));
      assertThat(emulator.inspection().transcript(world.support.id(), world.user.id()))
          .hasSize(200);
      assertThat(emulator.inspection().requests()).hasSize(400);
    }
  }

  @Test
  void transcriptsAndTheRequestLogAreCapped() {
    OneConnectEmulatorConfig config =
        OneConnectEmulatorConfig.builder()
            .maxRecordedRequests(5)
            .maxTranscriptEntriesPerChat(3)
            .build();
    try (OneConnectEmulator emulator = OneConnectEmulator.start(config)) {
      World world = new World(emulator);
      Http bot = Http.to(emulator.baseUrl()).as(World.LOGIN, World.PASSWORD);
      for (int i = 0; i < 8; i++) {
        bot.postJson(
            "/v1/line/send/message/",
            "{\"line_id\":\""
                + world.support.id()
                + "\",\"user_id\":\""
                + world.user.id()
                + "\",\"text\":\"n"
                + i
                + "\"}");
      }

      assertThat(emulator.inspection().requests()).hasSize(5);
      assertThat(emulator.inspection().transcript(world.support.id(), world.user.id()))
          .extracting(TranscriptEntry::text)
          .containsExactly("n5", "n6", "n7");
    }
  }

  @Test
  void storedFileBytesAreCappedOldestFirst() {
    OneConnectEmulatorConfig config =
        OneConnectEmulatorConfig.builder().maxStoredFileBytes(10).build();
    try (OneConnectEmulator emulator = OneConnectEmulator.start(config)) {
      World world = new World(emulator);
      Http bot = Http.to(emulator.baseUrl()).as(World.LOGIN, World.PASSWORD);
      HookEvent first =
          emulator
              .scenario()
              .specialistSendsFile(
                  world.support.id(),
                  world.user.id(),
                  world.specialist.id(),
                  "a.bin",
                  "application/octet-stream",
                  new byte[6],
                  null);
      HookEvent second =
          emulator
              .scenario()
              .specialistSendsFile(
                  world.support.id(),
                  world.user.id(),
                  world.specialist.id(),
                  "b.bin",
                  "application/octet-stream",
                  new byte[6],
                  null);

      String base = emulator.baseUrl();
      assertThat(bot.getBytes(first.file().url().substring(base.length())).statusCode())
          .isEqualTo(404);
      assertThat(bot.getBytes(second.file().url().substring(base.length())).statusCode())
          .isEqualTo(200);
    }
  }
}
