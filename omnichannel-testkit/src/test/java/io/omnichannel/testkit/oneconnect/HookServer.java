package io.omnichannel.testkit.oneconnect;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback hook receiver: records each POST; answers 500 to the first {@code failures} calls,
 * then 200.
 */
final class HookServer implements AutoCloseable {
  record Call(String authorization, String contentType, String body) {}

  private final HttpServer server;
  private final BlockingQueue<Call> calls = new LinkedBlockingQueue<>();
  private final AtomicInteger failuresLeft;

  HookServer(int failures) {
    this.failuresLeft = new AtomicInteger(failures);
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/",
        exchange -> {
          Map<String, List<String>> headers = exchange.getRequestHeaders();
          calls.add(
              new Call(
                  first(headers, "Authorization"),
                  first(headers, "Content-Type"),
                  new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
          int status = failuresLeft.getAndDecrement() > 0 ? 500 : 200;
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  /** The next call, waiting for it; fails the test when none comes in time. */
  Call next(Duration timeout) {
    try {
      Call call = calls.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (call == null) {
        throw new AssertionError("no hook call within " + timeout);
      }
      return call;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  int pending() {
    return calls.size();
  }

  private static String first(Map<String, List<String>> headers, String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
