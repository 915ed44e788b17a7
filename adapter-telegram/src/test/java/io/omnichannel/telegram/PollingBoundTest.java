package io.omnichannel.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.omnichannel.core.domain.Connection;
import io.omnichannel.core.domain.Secret;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Against a Bot API server that answers getUpdates at once — empty, or failing — instead of holding
 * the long poll, one bot is still asked at most twice a second. Measured on the server's side over
 * a real window: the unbounded poller made about 200 calls a second there.
 */
class PollingBoundTest {
  /** Counted after the first call, whose arrival the first connection and class loading delay. */
  private static final int CALLS = 5;

  private final World world = new World();
  private final List<Long> getUpdatesArrivals = new ArrayList<>();
  private HttpServer impatient;

  @AfterEach
  void close() {
    world.close();
    if (impatient != null) {
      impatient.stop(0);
    }
  }

  @ParameterizedTest(name = "answering getUpdates at once with {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "200|{\"ok\":true,\"result\":[]}",
        "502|{\"ok\":false,\"error_code\":502,\"description\":\"Bad Gateway\"}"
      })
  void noMoreThanTwoGetUpdatesPerSecondPerBot(int status, String answer) throws IOException {
    TelegramConfig config =
        world
            .config(TelegramConfig.ReceiveMode.POLLING)
            .withApiBaseUrl(serverAnsweringAtOnce(status, answer));
    Connection connection = world.connect(world.newBot());

    world
        .telegram(config)
        .messengerChannel()
        .startReceiving(connection.id(), connection.botAccess(), Secret.of("unused"));
    World.await(CALLS + 1 + " getUpdates", Duration.ofSeconds(10), () -> arrivals().size() > CALLS);

    List<Long> arrivals = arrivals().subList(1, CALLS + 1);
    for (int i = 2; i < CALLS; i++) {
      assertThat(Duration.ofNanos(arrivals.get(i) - arrivals.get(i - 2)))
          .as("calls %d and %d, with one between them", i - 2, i)
          .isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }
    // (CALLS - 1) gaps of at least half a second; a little less for loopback jitter
    assertThat(Duration.ofNanos(arrivals.get(CALLS - 1) - arrivals.get(0)))
        .isGreaterThanOrEqualTo(Duration.ofMillis(500L * (CALLS - 1) - 100));
  }

  private synchronized List<Long> arrivals() {
    return new ArrayList<>(getUpdatesArrivals);
  }

  private URI serverAnsweringAtOnce(int status, String getUpdatesAnswer) throws IOException {
    impatient = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    impatient.createContext(
        "/",
        exchange -> {
          boolean getUpdates = exchange.getRequestURI().getPath().endsWith("/getUpdates");
          if (getUpdates) {
            synchronized (this) {
              getUpdatesArrivals.add(System.nanoTime());
            }
          }
          answer(
              exchange,
              getUpdates ? status : 200,
              getUpdates ? getUpdatesAnswer : "{\"ok\":true,\"result\":true}");
        });
    impatient.start();
    return URI.create("http://127.0.0.1:" + impatient.getAddress().getPort());
  }

  private static void answer(HttpExchange exchange, int status, String body) throws IOException {
    exchange.getRequestBody().readAllBytes();
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
