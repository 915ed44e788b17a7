package io.omnichannel.testkit.oneconnect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RestAuthAndLinesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private OneConnectEmulator emulator;
  private World world;
  private Http api;

  @BeforeEach
  void start() {
    emulator = OneConnectEmulator.start();
    world = new World(emulator);
    api = Http.to(emulator.baseUrl());
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  void missingCredentialsAnswer401WithEmptyBody() {
    HttpResponse<String> response = api.get("/v1/line/");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).isEmpty();
    assertThat(response.headers().firstValue("WWW-Authenticate"))
        .hasValue("Basic realm=\"1C-Connect\"");
  }

  @Test
  void aWrongPasswordIs401BeforeRouting() {
    Http wrong = api.as(World.LOGIN, "wrong");
    assertThat(wrong.get("/v1/no/such/path/").statusCode()).isEqualTo(401);
    assertThat(wrong.delete("/v1/line/").statusCode()).isEqualTo(401);
    assertThat(wrong.get("/v1/ticket/42").statusCode()).isEqualTo(401);
    assertThat(wrong.get("/cus/ws/PartnerWebAPI2?wsdl").statusCode()).isEqualTo(401);
    assertThat(api.as(World.LOGIN, World.PASSWORD).get("/v1/no/such/path/").statusCode())
        .isEqualTo(404);
  }

  @Test
  void wrongPasswordAndUnknownLoginAnswer401() {
    assertThat(api.as(World.LOGIN, "wrong").get("/v1/line/").statusCode()).isEqualTo(401);
    assertThat(api.as("nobody", World.PASSWORD).get("/v1/line/").statusCode()).isEqualTo(401);
    assertThat(api.as(World.LOGIN, "wrong").postJson("/v1/line/send/message/", "{}").statusCode())
        .isEqualTo(401);
  }

  @Test
  void listsOnlyTheAccountsLinesWithAllowBot() throws Exception {
    HttpResponse<String> response = api.as(World.LOGIN, World.PASSWORD).get("/v1/line/");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValue("application/json; charset=utf-8");
    JsonNode lines = JSON.readTree(response.body());
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0).get("line_id").asText()).isEqualTo(world.support.id());
    assertThat(lines.get(0).get("name").asText()).isEqualTo("Support");
    assertThat(lines.get(0).get("allow_bot").asBoolean()).isTrue();
    assertThat(lines.get(0).has("hook_bot")).isFalse();
    assertThat(lines.get(1).get("line_id").asText()).isEqualTo(world.internal.id());
    assertThat(lines.get(1).get("allow_bot").asBoolean()).isFalse();

    JsonNode platformLines =
        JSON.readTree(api.as(World.PLATFORM_LOGIN, World.PLATFORM_PASSWORD).get("/v1/line").body());
    assertThat(platformLines).hasSize(1);
    assertThat(platformLines.get(0).get("line_id").asText()).isEqualTo(world.management.id());
  }

  @Test
  void lineListShowsTheBotHookOnceSet() throws Exception {
    Http bot = api.as(World.LOGIN, World.PASSWORD);
    bot.postJson(
        "/v1/hook/",
        "{\"type\":\"bot\",\"id\":\""
            + world.support.id()
            + "\",\"url\":\"http://127.0.0.1:9/h\"}");

    JsonNode lines = JSON.readTree(bot.get("/v1/line/").body());

    assertThat(lines.get(0).get("hook_bot").asText()).isEqualTo("http://127.0.0.1:9/h");
    assertThat(lines.get(1).has("hook_bot")).isFalse();
  }

  @Test
  void acceptsBothSlashFormsOnLineAndHookPaths() {
    Http bot = api.as(World.LOGIN, World.PASSWORD);
    String message =
        "{\"line_id\":\""
            + world.support.id()
            + "\",\"user_id\":\""
            + world.user.id()
            + "\",\"text\":\"hi\"}";

    assertThat(bot.get("/v1/line").statusCode()).isEqualTo(200);
    assertThat(bot.get("/v1/line/").statusCode()).isEqualTo(200);
    assertThat(bot.postJson("/v1/line/send/message", message).statusCode()).isEqualTo(200);
    assertThat(bot.postJson("/v1/line/send/message/", message).statusCode()).isEqualTo(200);
    assertThat(bot.get("/v1/line/treatment/?line_id=" + world.support.id()).statusCode())
        .isEqualTo(200);
    assertThat(bot.get("/v1/line/treatment?line_id=" + world.support.id()).statusCode())
        .isEqualTo(200);
    String hook = "{\"type\":\"line\",\"url\":\"http://127.0.0.1:9/h\"}";
    assertThat(bot.postJson("/v1/hook", hook).statusCode()).isEqualTo(200);
    assertThat(bot.postJson("/v1/hook/", hook).statusCode()).isEqualTo(200);
  }

  @Test
  void unslashedTicketPathAnswers301AsRecorded() {
    HttpResponse<String> response = api.as(World.LOGIN, World.PASSWORD).get("/v1/ticket/42");

    assertThat(response.statusCode()).isEqualTo(301);
    assertThat(response.headers().firstValue("Location")).hasValue("/v1/ticket/42/");
    assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(response.body()).isEqualTo("<a href=\"/v1/ticket/42/\">Moved Permanently</a>.");
    assertThat(api.as(World.LOGIN, World.PASSWORD).get("/v1/ticket/42/").statusCode())
        .isEqualTo(404);
  }

  @Test
  void recordsEachRequestAsSentWithoutTheSecret() {
    api.as(World.LOGIN, World.PASSWORD).get("/v1/line?x=1");
    api.as(World.LOGIN, World.PASSWORD).get("/v1/ticket/7");

    var requests = emulator.inspection().requests();
    assertThat(requests)
        .extracting(RecordedRequest::path)
        .containsExactly("/v1/line", "/v1/ticket/7");
    assertThat(requests).extracting(RecordedRequest::status).containsExactly(200, 301);
    RecordedRequest first = requests.get(0);
    assertThat(first.method()).isEqualTo("GET");
    assertThat(first.query()).isEqualTo("x=1");
    assertThat(first.authLogin()).isEqualTo(World.LOGIN);
    assertThat(first.headers()).doesNotContainKey("authorization");
    assertThat(first.toString()).doesNotContain(World.PASSWORD);
  }

  @Test
  void companyOptionsAnswerTheTariffOptionOfTheAccountsCompany() throws Exception {
    Http bot = api.as(World.LOGIN, World.PASSWORD);
    assertThat(JSON.readTree(bot.get("/v1/company/options/").body()))
        .isEqualTo(JSON.valueToTree(Map.of("external_channels", true)));

    emulator.world().setExternalChannels(world.company.id(), false);

    HttpResponse<String> response = bot.get("/v1/company/options/");
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValue("application/json; charset=utf-8");
    assertThat(response.body()).isEqualTo("{\"external_channels\":false}");
    assertThat(api.get("/v1/company/options/").statusCode()).isEqualTo(401);
  }
}
