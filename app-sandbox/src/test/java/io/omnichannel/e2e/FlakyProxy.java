package io.omnichannel.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP proxy that a test can switch "down" (every request then answered 503 at once, as
 * a service in maintenance would) or point at another upstream: in front of the 1C-Connect emulator
 * it is an outage that leaves the emulator's world as it is; in front of gateway instances it is
 * their load balancer.
 */
final class FlakyProxy implements AutoCloseable {
  private static final Set<String> HOP_BY_HOP =
      Set.of(
          "host",
          "content-length",
          "connection",
          "expect",
          "upgrade",
          "transfer-encoding",
          "keep-alive",
          "te",
          "trailer",
          "proxy-connection",
          "http2-settings");

  private volatile List<URI> targets;
  private final AtomicInteger next = new AtomicInteger();
  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(8);
  private final HttpClient client =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private volatile boolean down;
  private int refused;
  private final AtomicInteger forwarded = new AtomicInteger();
  private volatile String counting = "\u0000";

  FlakyProxy(URI target) throws IOException {
    this.targets = List.of(target);
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /**
   * Sends everything from now on to another upstream, as a load balancer does when an instance
   * goes.
   */
  void retarget(URI upstream) {
    targets = List.of(upstream);
  }

  /** Round robin over several upstreams, request by request. */
  void balance(List<URI> upstreams) {
    targets = List.copyOf(upstreams);
  }

  /**
   * From now on counts the requests whose path ends with {@code suffix} that were passed on to the
   * upstream (read whole and sent, whatever became of the answer).
   */
  void countForwarded(String suffix) {
    counting = suffix;
  }

  /** How many requests {@link #countForwarded} counted. */
  int forwarded() {
    return forwarded.get();
  }

  void down() {
    down = true;
  }

  void up() {
    down = false;
  }

  /** Waits until at least {@code count} requests were refused since the start. */
  synchronized int awaitRefused(int count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (refused < count) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("only " + refused + " requests refused, expected " + count);
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return refused;
  }

  private synchronized void countRefusal() {
    refused++;
    notifyAll();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      if (down) {
        countRefusal();
        exchange.sendResponseHeaders(503, -1);
        return;
      }
      List<URI> upstreams = targets;
      URI target = upstreams.get(Math.floorMod(next.getAndIncrement(), upstreams.size()));
      HttpRequest.Builder request =
          HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().toString()))
              .timeout(Duration.ofSeconds(30))
              .method(
                  exchange.getRequestMethod(),
                  body.length == 0
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofByteArray(body));
      for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
        if (!HOP_BY_HOP.contains(header.getKey().toLowerCase(Locale.ROOT))) {
          header.getValue().forEach(value -> request.header(header.getKey(), value));
        }
      }
      HttpResponse<byte[]> response;
      if (exchange.getRequestURI().getPath().endsWith(counting)) {
        forwarded.incrementAndGet();
      }
      try {
        response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        exchange.sendResponseHeaders(502, -1);
        return;
      }
      response
          .headers()
          .map()
          .forEach(
              (name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                  exchange.getResponseHeaders().put(name, values);
                }
              });
      byte[] answer = response.body();
      boolean noBody = answer.length == 0 || "HEAD".equalsIgnoreCase(exchange.getRequestMethod());
      exchange.sendResponseHeaders(response.statusCode(), noBody ? -1 : answer.length);
      if (!noBody) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(answer);
        }
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
