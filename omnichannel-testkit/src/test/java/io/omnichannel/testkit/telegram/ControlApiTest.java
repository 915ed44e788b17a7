package io.omnichannel.testkit.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The same scenario driven only over HTTP, as the sandbox does from outside the JVM. */
class ControlApiTest extends EmulatorTest {
  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> control(String method, String path, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/_emulator/telegram" + path))
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private CompletableFuture<HttpResponse<String>> controlAsync(String path) {
    return http.sendAsync(
        HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/_emulator/telegram" + path))
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> response) throws IOException {
    return BotApiClient.MAPPER.readTree(response.body());
  }

  @Test
  void createBotInjectMessageAndAwaitTheAnswer() throws Exception {
    HttpResponse<String> created =
        control("POST", "/bots", "{\"first_name\":\"Desk\",\"username\":\"desk_test_bot\"}");
    assertThat(created.statusCode()).isEqualTo(201);
    String deskToken = json(created).get("token").asText();
    assertThat(api.get(deskToken, "getMe", Map.of()).result().get("username").asText())
        .isEqualTo("desk_test_bot");

    HttpResponse<String> injected =
        control(
            "POST",
            "/bots/" + deskToken + "/users/777/messages",
            "{\"text\":\"hello desk\",\"first_name\":\"Ivan\"}");
    assertThat(injected.statusCode()).isEqualTo(201);
    assertThat(
            api.form(deskToken, "getUpdates", Map.of())
                .result()
                .get(0)
                .at("/message/text")
                .asText())
        .isEqualTo("hello desk");

    CompletableFuture<HttpResponse<String>> waiting =
        controlAsync("/bots/" + deskToken + "/chats/777/sent?count=1&timeout_ms=5000");
    api.form(deskToken, "sendMessage", Map.of("chat_id", 777, "text", "hello Ivan")).result();
    HttpResponse<String> sent = waiting.get(5, TimeUnit.SECONDS);
    assertThat(sent.statusCode()).isEqualTo(200);
    assertThat(json(sent).get(0).get("text").asText()).isEqualTo("hello Ivan");
  }

  @Test
  void awaitingSentMessagesTimesOutWith408() throws Exception {
    emulator.bot(token).user(ALICE).sendsText("hi");

    HttpResponse<String> response =
        controlAsync("/bots/" + token + "/chats/" + ALICE.id() + "/sent?count=1&timeout_ms=50")
            .get(5, TimeUnit.SECONDS);

    assertThat(response.statusCode()).isEqualTo(408);
  }

  @Test
  void blockRevokeFailuresAndStats() throws Exception {
    control(
        "POST",
        "/bots/" + token + "/users/" + ALICE.id() + "/messages",
        "{\"text\":\"hi\",\"first_name\":\"Alice\"}");
    control(
        "POST", "/bots/" + token + "/users/" + ALICE.id() + "/block", "{\"first_name\":\"Alice\"}");
    assertThat(api.form(token, "sendMessage", Map.of("chat_id", ALICE.id(), "text", "x")).status())
        .isEqualTo(403);

    control(
        "POST",
        "/failures/next",
        "{\"token\":\"" + token + "\",\"method\":\"getMe\",\"status\":500}");
    assertThat(api.get(token, "getMe", Map.of()).status()).isEqualTo(500);

    JsonNode stats = json(control("GET", "/bots/" + token + "/stats", null));
    assertThat(stats.get("pending_update_count").asInt()).isEqualTo(2);
    assertThat(stats.get("too_many_requests").asInt()).isZero();

    assertThat(control("POST", "/bots/" + token + "/revoke", null).statusCode()).isEqualTo(200);
    assertThat(api.get(token, "getMe", Map.of()).status()).isEqualTo(401);
  }

  @Test
  void rawUpdatesOverHttpAndBadInputIsA400() throws Exception {
    HttpResponse<String> raw =
        control("POST", "/bots/" + token + "/updates", "{\"poll\":{\"id\":\"1\"}}");
    assertThat(raw.statusCode()).isEqualTo(201);
    assertThat(api.form(token, "getUpdates", Map.of()).result().get(0).has("poll")).isTrue();

    assertThat(control("POST", "/bots/" + token + "/updates", "[1]").statusCode()).isEqualTo(400);
    assertThat(control("POST", "/bots/unknown/revoke", null).statusCode()).isEqualTo(400);
  }

  @Test
  void groupsOverHttp() throws Exception {
    String group = "/bots/" + token + "/groups/-4500000";
    assertThat(
            control(
                    "POST",
                    group + "/bot",
                    "{\"title\":\"Shop\",\"status\":\"administrator\",\"by\":{\"id\":7,\"first_name\":\"Ivan\"}}")
                .statusCode())
        .isEqualTo(201);
    assertThat(
            control(
                    "POST",
                    group + "/members/8/messages",
                    "{\"first_name\":\"Petr\",\"text\":\"hi\"}")
                .statusCode())
        .isEqualTo(201);
    assertThat(
            control(
                    "POST",
                    group + "/members/8/messages",
                    "{\"first_name\":\"Petr\",\"document\":{\"file_name\":\"a.pdf\",\"mime_type\":\"application/pdf\",\"size\":10}}")
                .statusCode())
        .isEqualTo(201);
    long supergroup =
        json(control("POST", group + "/migrate", "{\"by\":{\"id\":7,\"first_name\":\"Ivan\"}}"))
            .get("supergroup_id")
            .asLong();

    JsonNode updates = api.form(token, "getUpdates", Map.of()).result();
    assertThat(updates.get(0).at("/my_chat_member/new_chat_member/status").asText())
        .isEqualTo("administrator");
    assertThat(updates.get(2).at("/message/from/first_name").asText()).isEqualTo("Petr");
    assertThat(updates.get(3).at("/message/document/file_name").asText()).isEqualTo("a.pdf");
    assertThat(
            api.form(token, "sendMessage", Map.of("chat_id", -4500000, "text", "x"))
                .body()
                .at("/parameters/migrate_to_chat_id")
                .asLong())
        .isEqualTo(supergroup);
    assertThat(
            control(
                    "POST",
                    "/bots/" + token + "/groups/" + supergroup + "/bot",
                    "{\"status\":\"kicked\",\"by\":{\"id\":7,\"first_name\":\"Ivan\"}}")
                .statusCode())
        .isEqualTo(201);
    assertThat(api.form(token, "sendMessage", Map.of("chat_id", supergroup, "text", "x")).status())
        .isEqualTo(403);
  }
}
