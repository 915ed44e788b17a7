package io.omnichannel.testkit.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A webhook that answers slowly or not at all, and max_connections. */
class WebhookTimeoutTest extends EmulatorTest {
  private final CountDownLatch release = new CountDownLatch(1);
  private final CountDownLatch twoArrived = new CountDownLatch(2);
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();
  private final ExecutorService executor = Executors.newFixedThreadPool(8);
  private HttpServer slowHook;

  @Override
  TelegramEmulatorConfig config() {
    return super.config()
        .withWebhookRetry(
            new WebhookRetryPolicy(
                Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofMillis(300)));
  }

  @BeforeEach
  void startSlowHook() throws IOException {
    slowHook = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    slowHook.setExecutor(executor);
    slowHook.createContext(
        "/hook",
        exchange -> {
          maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
          twoArrived.countDown();
          try {
            release.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          inFlight.decrementAndGet();
          exchange.getRequestBody().readAllBytes();
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    slowHook.start();
  }

  @AfterEach
  void stopSlowHook() {
    release.countDown();
    slowHook.stop(0);
    executor.shutdownNow();
  }

  private String hookUrl() {
    return "http://127.0.0.1:" + slowHook.getAddress().getPort() + "/hook";
  }

  @Test
  void anUnansweredPostTimesOutAndIsRetried() {
    api.form(token, "setWebhook", Map.of("url", hookUrl())).result();

    emulator.bot(token).user(ALICE).sendsText("slow");

    List<WebhookDelivery> deliveries =
        emulator.awaitWebhookDeliveries(token, 2, Duration.ofSeconds(5));
    assertThat(deliveries).allSatisfy(d -> assertThat(d.error()).isEqualTo("Read timeout expired"));
    assertThat(deliveries).extracting(WebhookDelivery::attempt).containsExactly(1, 2);
    assertThat(
            api.form(token, "getWebhookInfo", Map.of()).result().get("last_error_message").asText())
        .isEqualTo("Read timeout expired");
  }

  @Test
  void noMoreThanMaxConnectionsPostsAreInFlight() throws InterruptedException {
    emulator.close();
    emulator = TelegramEmulator.start(super.config().withWebhookRetry(WebhookRetryPolicy.fast()));
    api = new BotApiClient(emulator.baseUrl());
    token = emulator.createBot("Hooked", "hooked_test_bot").token();
    api.form(token, "setWebhook", Map.of("url", hookUrl(), "max_connections", 2)).result();

    for (int i = 0; i < 5; i++) {
      emulator.bot(token).user(UserSpec.of(700L + i, "U" + i)).sendsText("hi");
    }
    assertThat(twoArrived.await(5, TimeUnit.SECONDS)).isTrue();
    release.countDown();
    List<WebhookDelivery> deliveries =
        emulator.awaitWebhookDeliveries(token, 5, Duration.ofSeconds(5));

    assertThat(deliveries).allSatisfy(d -> assertThat(d.succeeded()).isTrue());
    assertThat(maxInFlight.get()).isEqualTo(2);
  }
}
