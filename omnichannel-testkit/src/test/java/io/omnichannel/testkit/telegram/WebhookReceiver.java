package io.omnichannel.testkit.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A bot's webhook endpoint on loopback: records each POST and answers the statuses a test queued.
 */
final class WebhookReceiver implements AutoCloseable {
  record Received(JsonNode update, String secretHeader, int answeredStatus) {}

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(4);
  private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
  private final ConcurrentLinkedQueue<Integer> nextStatuses = new ConcurrentLinkedQueue<>();
  private final Map<Long, ConcurrentLinkedQueue<Integer>> statusesByChat =
      new ConcurrentHashMap<>();
  private volatile Consumer<JsonNode> onUpdate = update -> {};

  WebhookReceiver() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(executor);
    server.createContext(
        "/hook",
        exchange -> {
          JsonNode update = BotApiClient.MAPPER.readTree(exchange.getRequestBody().readAllBytes());
          int status = statusFor(update);
          if (status == 200) {
            onUpdate.accept(update);
          }
          received.add(
              new Received(
                  update,
                  exchange.getRequestHeaders().getFirst("X-Telegram-Bot-Api-Secret-Token"),
                  status));
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  /** The next POSTs (of any chat) answer these statuses, then 200. */
  void answerNext(int... statuses) {
    for (int status : statuses) {
      nextStatuses.add(status);
    }
  }

  /** The next POSTs for this chat answer these statuses, then 200. */
  void answerNextForChat(long chatId, int... statuses) {
    ConcurrentLinkedQueue<Integer> queue =
        statusesByChat.computeIfAbsent(chatId, id -> new ConcurrentLinkedQueue<>());
    for (int status : statuses) {
      queue.add(status);
    }
  }

  /** Runs for every update answered 200, before the answer is sent (a bot reacting to it). */
  void onUpdate(Consumer<JsonNode> handler) {
    onUpdate = handler;
  }

  Received next(Duration timeout) {
    try {
      Received next = received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (next == null) {
        throw new AssertionError("no webhook POST within " + timeout);
      }
      return next;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private int statusFor(JsonNode update) {
    long chatId = update.path("message").path("chat").path("id").asLong(0);
    ConcurrentLinkedQueue<Integer> perChat = statusesByChat.get(chatId);
    Integer status = perChat == null ? null : perChat.poll();
    if (status == null) {
      status = nextStatuses.poll();
    }
    return status == null ? 200 : status;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
