package io.omnichannel.launcher.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The baseline: the least a relay must do, both ways. Inbound: a Telegram webhook in on loopback,
 * one {@code POST /v1/line/receive/message/} out to the 1C-Connect emulator with Basic auth of an
 * API account, and 200 back when it was taken (500 otherwise, so Telegram retries). Outbound: a
 * 1C-Connect hook in ({@code /line-hook}), one {@code sendMessage} out to the Telegram emulator for
 * a specialist's text. Nothing is stored: the Telegram user ↔ 1C user mapping is fixed before the
 * run; a Telegram user it does not know (a first-time user) is relayed as the first known one.
 */
final class NoOpRelay implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final ExecutorService executor;
  private final HttpClient http;
  private final URI receive;
  private final String authorization;
  private final String lineId;
  private final Map<Long, String> users;
  private final String secret;
  private final String fallbackUser;
  private final Map<String, Long> chats;
  private final URI sendMessage;
  private final AtomicLong relayed = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();

  private NoOpRelay(
      String oneConnectBaseUrl,
      String login,
      String password,
      String lineId,
      Map<Long, String> users,
      String secret,
      String telegramBaseUrl,
      String botToken,
      int threads)
      throws IOException {
    this.receive = URI.create(oneConnectBaseUrl + "/v1/line/receive/message/");
    this.authorization =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8));
    this.lineId = lineId;
    this.users = Map.copyOf(users);
    this.secret = secret;
    this.fallbackUser = users.values().iterator().next();
    Map<String, Long> chatsByUser = new java.util.HashMap<>();
    users.forEach((chat, user) -> chatsByUser.put(user, chat));
    this.chats = Map.copyOf(chatsByUser);
    this.sendMessage = URI.create(telegramBaseUrl + "/bot" + botToken + "/sendMessage");
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    AtomicInteger n = new AtomicInteger();
    this.executor =
        Executors.newFixedThreadPool(
            threads,
            runnable -> {
              Thread thread = new Thread(runnable, "noop-relay-" + n.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 128);
    server.createContext("/hook", this::handle);
    server.createContext("/line-hook", this::handleLineEvent);
    server.setExecutor(executor);
    server.start();
  }

  /**
   * Starts on an ephemeral loopback port; {@code threads} serve the webhook (as the gateway's Jetty
   * pool would).
   */
  static NoOpRelay start(
      String oneConnectBaseUrl,
      String login,
      String password,
      String lineId,
      Map<Long, String> users,
      String secret,
      String telegramBaseUrl,
      String botToken,
      int threads)
      throws IOException {
    return new NoOpRelay(
        oneConnectBaseUrl,
        login,
        password,
        lineId,
        users,
        secret,
        telegramBaseUrl,
        botToken,
        threads);
  }

  String lineHookUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/line-hook";
  }

  String webhookUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  long relayed() {
    return relayed.get();
  }

  long failed() {
    return failed.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    int status;
    try (InputStream in = exchange.getRequestBody()) {
      if (!"POST".equals(exchange.getRequestMethod())
          || !secret.equals(
              exchange.getRequestHeaders().getFirst("X-Telegram-Bot-Api-Secret-Token"))) {
        status = 401;
      } else {
        status = relay(JSON.readTree(in));
      }
    } catch (IOException | RuntimeException broken) {
      status = 500;
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      status = 503;
    }
    if (status == 200) {
      relayed.incrementAndGet();
    } else {
      failed.incrementAndGet();
    }
    exchange.sendResponseHeaders(status, -1);
    exchange.close();
  }

  private int relay(JsonNode update) throws IOException, InterruptedException {
    JsonNode message = update.path("message");
    String text = message.path("text").asText(null);
    String user = users.getOrDefault(message.path("from").path("id").asLong(), fallbackUser);
    if (text == null) {
      return 200; // not for us: acknowledged and forgotten
    }
    ObjectNode body =
        JSON.createObjectNode()
            .put("line_id", lineId)
            .put("user_id", user)
            .put("text", text)
            .put("external_id", "tg-" + update.path("update_id").asLong());
    HttpResponse<Void> answer =
        http.send(
            HttpRequest.newBuilder(receive)
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build(),
            HttpResponse.BodyHandlers.discarding());
    return answer.statusCode() / 100 == 2 ? 200 : 500;
  }

  private void handleLineEvent(HttpExchange exchange) throws IOException {
    int status;
    try (InputStream in = exchange.getRequestBody()) {
      status = sendToChat(JSON.readTree(in));
    } catch (IOException | RuntimeException broken) {
      if (failed.getAndIncrement() < 3) {
        System.out.println("no-op relay: line event failed: " + broken);
      }
      status = 500;
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      status = 503;
    }
    exchange.sendResponseHeaders(status, -1);
    exchange.close();
  }

  /** A specialist's text goes to the user's chat; anything else is acknowledged and forgotten. */
  private int sendToChat(JsonNode event) throws IOException, InterruptedException {
    String author = event.path("author_id").asText("");
    String user = event.path("user_id").asText("");
    String text = event.path("text").asText("");
    Long chat = chats.get(user);
    if (event.path("message_type").asInt() != 1
        || author.isEmpty()
        || author.equals(user)
        || text.isBlank()
        || chat == null) {
      return 200;
    }
    ObjectNode body = JSON.createObjectNode().put("chat_id", chat).put("text", text);
    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(sendMessage)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() / 100 != 2 && failed.getAndIncrement() < 3) {
      System.out.println("no-op relay: sendMessage " + answer.statusCode() + " " + answer.body());
    }
    return answer.statusCode() / 100 == 2 ? 200 : 500;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
