package io.omnichannel.testkit.oneconnect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ControlApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private OneConnectEmulator emulator;
  private Http control;

  @BeforeEach
  void start() {
    emulator = OneConnectEmulator.start();
    control = Http.to(emulator.controlUrl().substring(0, emulator.controlUrl().length() - 1));
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  private JsonNode post(String path, String json) throws Exception {
    HttpResponse<String> response = control.postJson(path, json);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  @Test
  void aWorldBuiltOverHttpServesThePushApi() throws Exception {
    String company =
        post("/companies", "{\"name\":\"Acme\",\"external_channels\":true}").get("id").asText();
    String line =
        post(
                "/lines",
                "{\"id\":\"line-1\",\"name\":\"Support\",\"company_id\":\""
                    + company
                    + "\",\"availability\":\"CLIENTS_AND_SPECIALISTS\"}")
            .get("id")
            .asText();
    post(
        "/api-accounts",
        "{\"login\":\"bot\",\"password\":\"pw\",\"company_id\":\""
            + company
            + "\",\"line_allow_bot\":{\""
            + line
            + "\":true}}");
    String client =
        post("/clients", "{\"company_id\":\"" + company + "\",\"name\":\"Telegram: b\"}")
            .get("id")
            .asText();
    String user =
        post("/client-users", "{\"client_id\":\"" + client + "\",\"name\":\"Anna\"}")
            .get("id")
            .asText();
    post("/client-users/" + user + "/lines/" + line, "{}");

    HttpResponse<String> lines = Http.to(emulator.baseUrl()).as("bot", "pw").get("/v1/line/");

    assertThat(line).isEqualTo("line-1");
    assertThat(JSON.readTree(lines.body()).get(0).get("allow_bot").asBoolean()).isTrue();
    JsonNode banned = post("/client-users/" + user + "/lines/" + line + "/ban", "{}");
    assertThat(banned.get(0).get("active").asBoolean()).isFalse();
    assertThat(emulator.world().isBanned(user, line)).isTrue();
    JsonNode world = JSON.readTree(control.get("/world").body());
    assertThat(world.get("client_users").get(0).get("client_id").asText()).isEqualTo(client);
  }

  @Test
  void badSetupIsRefusedWith400() {
    HttpResponse<String> response =
        control.postJson("/lines", "{\"name\":\"x\",\"company_id\":\"missing\"}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("unknown company");
  }

  @Test
  void scenarioActsOverHttpAndTranscriptReadsWaitForEntries() throws Exception {
    World world = new World(emulator);
    String query = "/transcript?line_id=" + world.support.id() + "&user_id=" + world.user.id();
    CompletableFuture<HttpResponse<String>> waiting =
        CompletableFuture.supplyAsync(() -> control.get(query + "&min_count=1&timeout_ms=10000"));

    JsonNode event =
        post(
            "/scenario/specialist-message",
            "{\"line_id\":\""
                + world.support.id()
                + "\",\"user_id\":\""
                + world.user.id()
                + "\",\"specialist_id\":\""
                + world.specialist.id()
                + "\",\"text\":\"Menu\",\"keyboard\":[[{\"text\":\"A\"}]]}");

    HttpResponse<String> transcript = waiting.get(15, java.util.concurrent.TimeUnit.SECONDS);
    assertThat(transcript.statusCode()).isEqualTo(200);
    JsonNode entry = JSON.readTree(transcript.body()).get(0);
    assertThat(entry.get("message_id").asText()).isEqualTo(event.get("message_id").asText());
    assertThat(entry.get("keyboard").get(0).get(0).get("text").asText()).isEqualTo("A");
    assertThat(event.get("message_type").asInt()).isEqualTo(1);
  }

  @Test
  void everyScenarioActHasAnHttpForm() throws Exception {
    World world = new World(emulator);
    String chat =
        "\"line_id\":\""
            + world.support.id()
            + "\",\"user_id\":\""
            + world.user.id()
            + "\",\"specialist_id\":\""
            + world.specialist.id()
            + "\"";

    JsonNode file =
        post(
            "/scenario/specialist-file",
            "{"
                + chat
                + ",\"file_name\":\"a.txt\",\"mime\":\"text/plain\",\"content_base64\":\"aGk=\",\"comment\":\"c\"}");
    JsonNode broadcast =
        post(
            "/scenario/broadcast",
            "{"
                + chat
                + ",\"text\":\"News\",\"link_button\":{\"text\":\"Go\",\"url\":\"https://example.org\"}}");
    JsonNode dropped = post("/scenario/drop-keyboard", "{" + chat + "}");
    JsonNode user =
        post(
            "/scenario/user-message",
            "{\"line_id\":\""
                + world.support.id()
                + "\",\"user_id\":\""
                + world.user.id()
                + "\",\"text\":\"Yes\"}");
    JsonNode management =
        post(
            "/scenario/management-message",
            "{\"specialist_id\":\"" + world.specialist.id() + "\",\"text\":\"Telegram\"}");
    JsonNode custom =
        post(
            "/scenario/event",
            "{\"line_id\":\""
                + world.support.id()
                + "\",\"user_id\":\""
                + world.user.id()
                + "\",\"message_type\":82,\"author_id\":\""
                + world.specialist.id()
                + "\"}");

    assertThat(file.get("message_type").asInt()).isEqualTo(70);
    assertThat(file.get("file").get("size").asLong()).isEqualTo(2);
    assertThat(broadcast.get("message_type").asInt()).isEqualTo(2);
    assertThat(broadcast.get("fields").get("partner_notification").get("description_url").asText())
        .isEqualTo("https://example.org");
    assertThat(dropped.get("data").get("drop_keyboard").asBoolean()).isTrue();
    assertThat(user.get("author_id").asText()).isEqualTo(world.user.id());
    assertThat(management.get("line_id").asText()).isEqualTo(world.management.id());
    assertThat(custom.get("message_type").asInt()).isEqualTo(82);
    assertThat(emulator.inspection().transcript(world.support.id(), world.user.id())).hasSize(4);
    HttpResponse<String> refused =
        control.postJson(
            "/scenario/user-message",
            "{\"line_id\":\""
                + world.internal.id()
                + "\",\"user_id\":\""
                + world.user.id()
                + "\",\"text\":\"x\"}");
    assertThat(refused.statusCode()).isEqualTo(409);
  }

  @Test
  void aWaitThatIsNotMetAnswers408WithWhatThereIs() {
    HttpResponse<String> response = control.get("/deliveries?min_count=1&timeout_ms=50");

    assertThat(response.statusCode()).isEqualTo(408);
    assertThat(response.body()).isEqualTo("[]");
  }

  @Test
  void theJavaAwaitFailsWhenNothingArrives() {
    World world = new World(emulator);
    Throwable failure =
        org.assertj.core.api.Assertions.catchThrowable(
            () ->
                emulator
                    .inspection()
                    .awaitTranscriptSize(
                        world.support.id(), world.user.id(), 1, Duration.ofMillis(50)));

    assertThat(failure).isInstanceOf(AssertionError.class).hasMessageContaining("timed out");
  }

  @Test
  void resetForgetsTheJournalButKeepsTheWorld() throws Exception {
    World world = new World(emulator);
    Http.to(emulator.baseUrl()).as(World.LOGIN, World.PASSWORD).get("/v1/line/");
    assertThat(emulator.inspection().requests()).hasSize(1);

    post("/reset", "{}");

    assertThat(emulator.inspection().requests()).isEmpty();
    assertThat(emulator.world().lines()).contains(world.support);
  }
}
