package io.omnichannel.max;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * What the launcher does for the adapter: mounts the webhook handler at {@code /hooks/max/{id}}.
 */
final class WebhookServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(4);

  WebhookServer(Max.WebhookHandler handler) {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/hooks/max/",
        exchange -> {
          String connection = exchange.getRequestURI().getPath().substring("/hooks/max/".length());
          Max.WebhookResponse response =
              handler.handle(
                  connection,
                  exchange.getRequestHeaders().getFirst("X-Max-Bot-Api-Secret"),
                  exchange::getRequestBody);
          byte[] answer = response.body().getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(response.status(), answer.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
          }
        });
    server.setExecutor(executor);
    server.start();
  }

  URI base() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
