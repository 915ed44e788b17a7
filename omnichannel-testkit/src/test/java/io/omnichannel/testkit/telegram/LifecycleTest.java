package io.omnichannel.testkit.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LifecycleTest {

  @Test
  void startsOnAGivenLoopbackPortAndCloseStopsIt() throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    TelegramEmulator emulator =
        TelegramEmulator.start(TelegramEmulatorConfig.defaults().withPort(port));
    String token = emulator.createBot("Bot", "lifecycle_bot").token();
    assertThat(emulator.baseUrl()).isEqualTo("http://127.0.0.1:" + port);
    assertThat(new BotApiClient(emulator.baseUrl()).get(token, "getMe", Map.of()).status())
        .isEqualTo(200);

    emulator.close();

    HttpClient http = HttpClient.newHttpClient();
    assertThatThrownBy(
            () ->
                http.send(
                    HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/bot" + token + "/getMe"))
                        .build(),
                    HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(ConnectException.class);
  }

  @Test
  void revokingATokenAnswersTheWaitingPollAndStopsTheWebhook() throws Exception {
    try (TelegramEmulator emulator = TelegramEmulator.start();
        WebhookReceiver receiver = new WebhookReceiver()) {
      BotApiClient api = new BotApiClient(emulator.baseUrl());
      String polling = emulator.createBot("Polling", "polling_bot").token();
      String hooked = emulator.createBot("Hooked", "hooked_bot").token();
      CompletableFuture<ApiResponse> poll =
          api.formAsync(polling, "getUpdates", Map.of("timeout", 30));
      emulator.awaitPolling(polling, Duration.ofSeconds(5));
      api.form(hooked, "setWebhook", Map.of("url", receiver.url())).result();

      emulator.revokeToken(polling);
      emulator.revokeToken(hooked);
      emulator.bot(hooked).user(UserSpec.of(5, "Eve")).sendsText("into the void");

      assertThat(poll.get(5, TimeUnit.SECONDS).status()).isEqualTo(401);
      assertThat(emulator.pendingUpdateCount(hooked)).isEqualTo(1);
      assertThat(emulator.webhookDeliveries(hooked)).isEmpty();
    }
  }

  @Test
  void invalidConfigurationIsRejectedNamingTheField() {
    assertThatThrownBy(() -> TelegramEmulatorConfig.defaults().withPort(70_000))
        .hasMessageContaining("port");
    assertThatThrownBy(() -> RateLimits.real().scaled(0)).hasMessageContaining("timeScale");
    assertThatThrownBy(() -> UserSpec.of(0, "Nobody")).hasMessageContaining("user id");
    assertThatThrownBy(() -> GroupSpec.of(5, "Positive")).hasMessageContaining("negative");
  }
}
