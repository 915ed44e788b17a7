package io.omnichannel.launcher.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Values a request brings (path segments, ids in a body) are never logged raw, and one that can
 * never be stored is refused as the caller's error (400), not as the service's (503, retry).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestValuesTest {
  private static final String FORGED = "[FORGED] WARN admin - token rotated";

  private final HttpClient http = HttpClient.newHttpClient();
  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
  private GatewayUnderAttack world;
  private PrintStream original;

  @BeforeAll
  void start() throws Exception {
    world = startWorld();
  }

  /** The gateway under attack; on H2 here, on MariaDB in the subclass. */
  GatewayUnderAttack startWorld() throws Exception {
    return GatewayUnderAttack.onH2();
  }

  @AfterAll
  void stop() {
    world.close();
  }

  @BeforeEach
  void captureTheLog() {
    original = System.err;
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restoreTheLog() {
    System.setErr(original);
  }

  @Test
  void aLineBreakInAPathOrAnIdCannotForgeALogLine() throws Exception {
    post(
        "/hooks/telegram/c-1%0a"
            + FORGED.replace(" ", "%20").replace("[", "%5B").replace("]", "%5D"),
        "X-Telegram-Bot-Api-Secret-Token",
        world.webhookSecret,
        "not json");
    String marker = "m-" + System.nanoTime();
    String event =
        "{\"message_id\":\""
            + marker
            + "\\n"
            + FORGED
            + "\",\"user_id\":\"u-1\",\"line_id\":\"l-1\\r\\n"
            + FORGED
            + "\",\"message_type\":999}";
    HttpResponse<String> stored = postToLineHook(event);
    assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);

    String log = awaitLogged(marker);
    assertThat(log.lines().filter(line -> line.startsWith("[FORGED]")))
        .as("lines the request forged")
        .isEmpty();
    assertThat(log).contains(marker + "\\n" + FORGED).contains("l-1\\r\\n" + FORGED);
  }

  @Test
  void idsTooLongToStoreAre400NotARetry() throws Exception {
    String longMessageId =
        "{\"message_id\":\""
            + "m".repeat(100_000)
            + "\",\"user_id\":\"u-1\",\"line_id\":\"l-1\",\"message_type\":999}";
    String longUserId =
        "{\"message_id\":\"m-"
            + System.nanoTime()
            + "\",\"user_id\":\""
            + "u".repeat(300)
            + "\",\"line_id\":\"l-1\",\"message_type\":999}";
    String longUpdateId = "{\"update_id\":1" + "0".repeat(300) + "}";
    String longChatId =
        "{\"update_id\":77,\"message\":{\"chat\":{\"id\":\"" + "9".repeat(300) + "\"}}}";

    assertThat(postToLineHook(longMessageId).statusCode()).isEqualTo(400);
    assertThat(postToLineHook(longUserId).statusCode()).isEqualTo(400);
    assertThat(postToManagementHook(longMessageId).statusCode()).isEqualTo(400);
    assertThat(postToTelegramHook(world.connectionId, longUpdateId).statusCode()).isEqualTo(400);
    assertThat(postToTelegramHook(world.connectionId, longChatId).statusCode()).isEqualTo(400);
    assertThat(postToTelegramHook("c".repeat(100), "{\"update_id\":78}").statusCode())
        .isEqualTo(400);
    assertThat(
            http.send(
                    HttpRequest.newBuilder(
                            uri("/admin/connections/" + "c".repeat(100) + "/accounts"))
                        .header("Authorization", "Bearer " + GatewayUnderAttack.ADMIN_TOKEN)
                        .build(),
                    HttpResponse.BodyHandlers.ofString())
                .statusCode())
        .isEqualTo(400);
  }

  private HttpResponse<String> postToTelegramHook(String connection, String body) throws Exception {
    return post(
        "/hooks/telegram/" + connection,
        "X-Telegram-Bot-Api-Secret-Token",
        world.webhookSecret,
        body);
  }

  private HttpResponse<String> postToLineHook(String body) throws Exception {
    return post(
        "/hooks/oneconnect/" + world.connectionId,
        "Authorization",
        basic(world.lineHook.backAuth().login(), world.lineHook.backAuth().password()),
        body);
  }

  private HttpResponse<String> postToManagementHook(String body) throws Exception {
    return post(
        "/hooks/oneconnect/management",
        "Authorization",
        basic(world.managementHook.login(), world.managementHook.password().reveal()),
        body);
  }

  private HttpResponse<String> post(String path, String header, String value, String body)
      throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri(path))
            .header(header, value)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + world.port + path);
  }

  private static String basic(String login, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** The log so far, once it mentions {@code text} (a worker logs the stored event later). */
  private String awaitLogged(String text) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    String log = captured.toString(StandardCharsets.UTF_8);
    while (!log.contains(text) && Instant.now().isBefore(deadline)) {
      LockSupport.parkNanos(20_000_000L);
      log = captured.toString(StandardCharsets.UTF_8);
    }
    assertThat(log).as("the log mentions %s", text).contains(text);
    return log;
  }
}
