package io.omnichannel.testkit.support;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * What the launcher does for a messenger adapter in its tests: a loopback HTTP server that mounts
 * the adapter's webhook handler at {@code <path><connectionId>} and answers JSON.
 */
public final class HookServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(4);

  /** What the handler answered. */
  public record Answer(int status, String body) {}

  /** The adapter's handler, called with the request as it came. */
  @FunctionalInterface
  public interface Hook {
    Answer handle(String connectionId, Headers headers, InputStream body) throws IOException;
  }

  /**
   * @param path the hooks' prefix, e.g. {@code /hooks/max/}
   */
  public HookServer(String path, Hook hook) {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        path,
        exchange -> {
          String connection = exchange.getRequestURI().getPath().substring(path.length());
          Answer answer =
              hook.handle(connection, exchange.getRequestHeaders(), exchange.getRequestBody());
          byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(answer.status(), body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.setExecutor(executor);
    server.start();
  }

  public URI base() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
