package io.omnichannel.oneconnect;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * What the launcher does, in a dozen lines: a JDK HTTP server on loopback that mounts the hook
 * handler at {@code POST /hooks/oneconnect/{hook}} and writes its answer as it is.
 */
final class HookServer implements AutoCloseable {
  private static final String PREFIX = "/hooks/oneconnect/";
  private final HttpServer server;

  private HookServer(HttpServer server) {
    this.server = server;
  }

  static HookServer start(OneConnect.HookHandler handler) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(PREFIX, exchange -> serve(handler, exchange));
    server.start();
    return new HookServer(server);
  }

  URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private static void serve(OneConnect.HookHandler handler, HttpExchange exchange)
      throws IOException {
    try (exchange) {
      if (!"POST".equals(exchange.getRequestMethod())) {
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      String hook = exchange.getRequestURI().getPath().substring(PREFIX.length());
      OneConnect.HookResponse answer =
          handler.handle(
              hook,
              exchange.getRequestHeaders().getFirst("Authorization"),
              () -> {
                try (InputStream in = exchange.getRequestBody()) {
                  return in.readAllBytes();
                } catch (IOException broken) {
                  throw new UncheckedIOException(broken);
                }
              });
      byte[] text = answer.text().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
      exchange.sendResponseHeaders(answer.status(), text.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(text);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
