package io.omnichannel.testkit.oneconnect;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class HookRegistrationTest extends EmulatorTest {
  @Test
  void setsABotHookWithBasicBackAuthAndScenarioPoint() {
    HttpResponse<String> response =
        bot.postJson(
            "/v1/hook/",
            """
                {"type":"bot","id":"%s","url":"http://127.0.0.1:9/hook",
                 "back_auth":{"type":"basic","login":"one","password":"c"},
                 "bot_scenario_point":{"text":"Menu","description":"d","data":"menu","childs":[]}}
                """
                .formatted(world.support.id()));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEmpty();
    HookRegistration hook = emulator.world().hooks().get(0);
    assertThat(hook.type()).isEqualTo(HookRegistration.Type.BOT);
    assertThat(hook.lineId()).isEqualTo(world.support.id());
    assertThat(hook.accountLogin()).isEqualTo(World.LOGIN);
    assertThat(hook.backAuth()).isEqualTo(BackAuth.basic("one", "c"));
    assertThat(hook.botScenarioPointJson()).contains("\"data\":\"menu\"");
  }

  @Test
  void aBotHookNeedsALineId() {
    HttpResponse<String> response =
        bot.postJson("/v1/hook/", "{\"type\":\"bot\",\"url\":\"http://127.0.0.1:9/h\"}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).isEqualTo("{\"error\":\"Field id is required\"}");
    assertThat(emulator.world().hooks()).isEmpty();
  }

  @Test
  void aBotHookIsRefusedWhereTheAccountHasNoAllowBot() {
    HttpResponse<String> response =
        bot.postJson(
            "/v1/hook/",
            "{\"type\":\"bot\",\"id\":\""
                + world.internal.id()
                + "\",\"url\":\"http://127.0.0.1:9/h\"}");

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).isEqualTo("{\"error\":\"Bot is not allowed on this line\"}");
  }

  @Test
  void rejectsUnknownTypesUrlsAndBackAuth() {
    assertThat(
            bot.postJson("/v1/hook/", "{\"type\":\"chat\",\"url\":\"http://127.0.0.1:9/h\"}")
                .statusCode())
        .isEqualTo(400);
    assertThat(bot.postJson("/v1/hook/", "{\"type\":\"line\",\"url\":\"ftp://x/h\"}").statusCode())
        .isEqualTo(400);
    assertThat(
            bot.postJson(
                    "/v1/hook/",
                    "{\"type\":\"line\",\"url\":\"http://127.0.0.1:9/h\",\"back_auth\":{\"type\":\"bearer\"}}")
                .statusCode())
        .isEqualTo(400);
    assertThat(bot.postJson("/v1/hook/", "not json").statusCode()).isEqualTo(400);
    assertThat(emulator.world().hooks()).isEmpty();
  }

  @Test
  void aHookOnAnotherCompanysLineIsRefusedAndAnUnknownLineIsNotFound() {
    String otherAccountLine = world.management.id();
    assertThat(
            bot.postJson(
                    "/v1/hook/",
                    "{\"type\":\"line\",\"id\":\""
                        + otherAccountLine
                        + "\",\"url\":\"http://127.0.0.1:9/h\"}")
                .statusCode())
        .isEqualTo(403);
    assertThat(
            bot.postJson(
                    "/v1/hook/",
                    "{\"type\":\"line\",\"id\":\"no-such-line\",\"url\":\"http://127.0.0.1:9/h\"}")
                .statusCode())
        .isEqualTo(404);
  }

  @Test
  void settingAgainReplacesAndDeleteRemovesTheBotHook() {
    String hook =
        "{\"type\":\"bot\",\"id\":\""
            + world.support.id()
            + "\",\"url\":\"http://127.0.0.1:9/%s\"}";
    bot.postJson("/v1/hook/", hook.formatted("first"));
    bot.postJson("/v1/hook/", hook.formatted("second"));
    bot.postJson("/v1/hook/", "{\"type\":\"line\",\"url\":\"http://127.0.0.1:9/all\"}");
    assertThat(emulator.world().hooks())
        .extracting(HookRegistration::url)
        .containsExactlyInAnyOrder("http://127.0.0.1:9/second", "http://127.0.0.1:9/all");

    HttpResponse<String> deleted = bot.delete("/v1/hook/bot/" + world.support.id() + "/");

    assertThat(deleted.statusCode()).isEqualTo(200);
    assertThat(deleted.body()).isEmpty();
    assertThat(emulator.world().hooks())
        .extracting(HookRegistration::url)
        .containsExactly("http://127.0.0.1:9/all");
    assertThat(bot.delete("/v1/hook/bot/" + world.support.id()).statusCode()).isEqualTo(200);
  }

  @Test
  void hooksAreDeletedByTypeOrAllAtOnceAndTheLineListShowsHookLine() throws Exception {
    String line = world.support.id();
    bot.postJson(
        "/v1/hook/",
        "{\"type\":\"bot\",\"id\":\"" + line + "\",\"url\":\"http://127.0.0.1:9/bot\"}");
    bot.postJson(
        "/v1/hook/",
        "{\"type\":\"line\",\"id\":\"" + line + "\",\"url\":\"http://127.0.0.1:9/line\"}");
    bot.postJson("/v1/hook/", "{\"type\":\"line\",\"url\":\"http://127.0.0.1:9/all\"}");
    com.fasterxml.jackson.databind.JsonNode lines =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(bot.get("/v1/line/").body());
    com.fasterxml.jackson.databind.JsonNode support = null;
    for (com.fasterxml.jackson.databind.JsonNode l : lines) {
      if (l.get("line_id").asText().equals(line)) {
        support = l;
      }
    }
    assertThat(support.get("hook_bot").asText()).isEqualTo("http://127.0.0.1:9/bot");
    assertThat(support.get("hook_line").asText()).isEqualTo("http://127.0.0.1:9/line");

    assertThat(bot.delete("/v1/hook/line/" + line + "/").statusCode()).isEqualTo(200);
    assertThat(emulator.world().hooks())
        .extracting(HookRegistration::url)
        .containsExactlyInAnyOrder("http://127.0.0.1:9/bot", "http://127.0.0.1:9/all");
    assertThat(bot.delete("/v1/hook/chat/" + line + "/").statusCode()).isEqualTo(400);

    HttpResponse<String> all = bot.delete("/v1/hook/");

    assertThat(all.statusCode()).isEqualTo(200);
    assertThat(all.body()).isEmpty();
    assertThat(emulator.world().hooks()).isEmpty();
  }
}
