package io.omnichannel.testkit.oneconnect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class HookDeliveryTest extends EmulatorTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(10);

  @Override
  OneConnectEmulatorConfig config() {
    return OneConnectEmulatorConfig.builder()
        .hookMaxAttempts(3)
        .hookInitialBackoff(Duration.ofMillis(20))
        .hookMaxBackoff(Duration.ofMillis(50))
        .build();
  }

  private void setHook(String type, String lineId, String url, String backAuth) {
    String id = lineId == null ? "" : ",\"id\":\"" + lineId + "\"";
    String auth = backAuth == null ? "" : ",\"back_auth\":" + backAuth;
    HttpResponse<String> response =
        bot.postJson(
            "/v1/hook/", "{\"type\":\"" + type + "\",\"url\":\"" + url + "\"" + id + auth + "}");
    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void aSpecialistsMessageIsPostedWithBasicBackAuth() throws Exception {
    try (HookServer hook = new HookServer(0)) {
      setHook(
          "bot",
          world.support.id(),
          hook.url(),
          "{\"type\":\"basic\",\"login\":\"gw\",\"password\":\"pw\"}");

      HookEvent event =
          emulator
              .scenario()
              .specialistWrites(
                  world.support.id(), world.user.id(), world.specialist.id(), "Good day");

      HookServer.Call call = hook.next(WAIT);
      assertThat(call.authorization())
          .isEqualTo(
              "Basic "
                  + Base64.getEncoder().encodeToString("gw:pw".getBytes(StandardCharsets.UTF_8)));
      assertThat(call.contentType()).startsWith("application/json");
      JsonNode body = JSON.readTree(call.body());
      assertThat(body.get("line_id").asText()).isEqualTo(world.support.id());
      assertThat(body.get("user_id").asText()).isEqualTo(world.user.id());
      assertThat(body.get("message_id").asText()).isEqualTo(event.messageId());
      assertThat(body.get("message_type").asInt()).isEqualTo(1);
      assertThat(body.get("author_id").asText()).isEqualTo(world.specialist.id());
      assertThat(body.get("message_time").asText())
          .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
      assertThat(body.get("text").asText()).isEqualTo("Good day");
      assertThat(body.get("data").isObject()).isTrue();
      assertThat(body.has("file")).isFalse();
      DeliveryAttempt attempt =
          emulator.inspection().awaitDelivery(d -> d.messageId().equals(event.messageId()), WAIT);
      assertThat(attempt.outcome()).isEqualTo(DeliveryAttempt.Outcome.DELIVERED);
      assertThat(attempt.status()).isEqualTo(200);
    }
  }

  @Test
  void aLineHookGetsBearerBackAuth() {
    try (HookServer hook = new HookServer(0)) {
      setHook("line", null, hook.url(), "{\"type\":\"bearer\",\"token\":\"t0k\"}");

      emulator.scenario().userWrites(world.support.id(), world.user.id(), "Где мой заказ?");

      HookServer.Call call = hook.next(WAIT);
      assertThat(call.authorization()).isEqualTo("Bearer t0k");
      assertThat(call.body())
          .contains("\"author_id\":\"" + world.user.id() + "\"", "Где мой заказ?");
    }
  }

  @Test
  void aFailedDeliveryIsRetriedAndEveryAttemptRecorded() {
    try (HookServer hook = new HookServer(1)) {
      setHook("bot", world.support.id(), hook.url(), null);

      HookEvent event =
          emulator.scenario().userPressesButton(world.support.id(), world.user.id(), "Yes");

      HookServer.Call first = hook.next(WAIT);
      HookServer.Call second = hook.next(WAIT);
      assertThat(second.body()).isEqualTo(first.body());
      assertThat(second.authorization()).isNull();
      List<DeliveryAttempt> attempts =
          emulator
              .inspection()
              .awaitDeliveries(d -> d.messageId().equals(event.messageId()), 2, WAIT);
      assertThat(attempts)
          .extracting(DeliveryAttempt::attempt, DeliveryAttempt::status, DeliveryAttempt::outcome)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(1, 500, DeliveryAttempt.Outcome.WILL_RETRY),
              org.assertj.core.groups.Tuple.tuple(2, 200, DeliveryAttempt.Outcome.DELIVERED));
    }
  }

  @Test
  void aHookReceivesEventsInOrderEvenWhenOneIsRetried() throws Exception {
    try (HookServer hook = new HookServer(1)) {
      setHook("line", world.support.id(), hook.url(), null);

      for (int i = 0; i < 20; i++) {
        emulator.scenario().userWrites(world.support.id(), world.user.id(), "m" + i);
      }

      assertThat(JSON.readTree(hook.next(WAIT).body()).get("text").asText()).isEqualTo("m0");
      for (int i = 0; i < 20; i++) {
        assertThat(JSON.readTree(hook.next(WAIT).body()).get("text").asText()).isEqualTo("m" + i);
      }
    }
  }

  @Test
  void deliveryGivesUpAfterTheConfiguredAttempts() {
    try (HookServer hook = new HookServer(10)) {
      setHook("bot", world.support.id(), hook.url(), null);

      HookEvent event = emulator.scenario().userWrites(world.support.id(), world.user.id(), "x");

      DeliveryAttempt last =
          emulator
              .inspection()
              .awaitDelivery(
                  d ->
                      d.messageId().equals(event.messageId())
                          && d.outcome() == DeliveryAttempt.Outcome.GAVE_UP,
                  WAIT);
      assertThat(last.attempt()).isEqualTo(3);
    }
  }

  @Test
  void anUnreachableHookIsRecordedWithoutAStatus() {
    HookServer closed = new HookServer(0);
    String url = closed.url();
    closed.close();
    setHook("bot", world.support.id(), url, null);

    HookEvent event = emulator.scenario().userWrites(world.support.id(), world.user.id(), "x");

    DeliveryAttempt attempt =
        emulator.inspection().awaitDelivery(d -> d.messageId().equals(event.messageId()), WAIT);
    assertThat(attempt.status()).isEqualTo(-1);
    assertThat(attempt.error()).isNotBlank();
  }

  @Test
  void aDigitalMenuBroadcastAndDroppedKeyboardShowInData() throws Exception {
    try (HookServer hook = new HookServer(0)) {
      setHook("line", world.support.id(), hook.url(), null);
      String line = world.support.id();
      String user = world.user.id();
      String spec = world.specialist.id();

      emulator
          .scenario()
          .specialistSendsMenu(
              line,
              user,
              spec,
              "Choose",
              List.of(List.of(new Button("a", "Yes"), Button.of("No"))));
      JsonNode menu = JSON.readTree(hook.next(WAIT).body());
      emulator
          .scenario()
          .specialistBroadcasts(
              line, user, spec, "News", new LinkButton("Open", "https://example.org"));
      JsonNode broadcast = JSON.readTree(hook.next(WAIT).body());
      emulator.scenario().specialistDropsKeyboard(line, user, spec);
      JsonNode dropped = JSON.readTree(hook.next(WAIT).body());

      assertThat(menu.get("data").get("keyboard"))
          .isEqualTo(JSON.readTree("[[{\"id\":\"a\",\"text\":\"Yes\"},{\"text\":\"No\"}]]"));
      assertThat(broadcast.get("message_type").asInt()).isEqualTo(2);
      assertThat(broadcast.get("data")).isEqualTo(JSON.readTree("{}"));
      JsonNode notification = broadcast.get("partner_notification");
      assertThat(notification.get("id").asText()).isNotBlank();
      assertThat(notification.get("text").asText()).isEqualTo("News");
      assertThat(notification.get("description_hint").asText()).isEqualTo("Open");
      assertThat(notification.get("description_url").asText()).isEqualTo("https://example.org");
      assertThat(dropped.get("data")).isEqualTo(JSON.readTree("{\"drop_keyboard\":true}"));
      assertThat(dropped.get("text").asText()).isEmpty();
    }
  }

  @Test
  void aFileEventCarriesAUrlServedWithTheAccountsBasicAuth() throws Exception {
    try (HookServer hook = new HookServer(0)) {
      setHook("bot", world.support.id(), hook.url(), null);
      byte[] bytes = "PDF bytes".getBytes(StandardCharsets.UTF_8);

      emulator
          .scenario()
          .specialistSendsFile(
              world.support.id(),
              world.user.id(),
              world.specialist.id(),
              "invoice.pdf",
              "application/pdf",
              bytes,
              "Your invoice");

      JsonNode event = JSON.readTree(hook.next(WAIT).body());
      assertThat(event.get("message_type").asInt()).isEqualTo(70);
      assertThat(event.get("text").asText()).isEqualTo("Your invoice");
      JsonNode file = event.get("file");
      assertThat(file.get("file_id").asText()).isNotBlank();
      assertThat(file.get("file_name").asText()).isEqualTo("invoice.pdf");
      assertThat(file.get("file_size").asLong()).isEqualTo(bytes.length);
      assertThat(file.get("comment").asText()).isEqualTo("Your invoice");
      assertThat(file.has("mime")).as("the File object has no MIME type").isFalse();
      String path = file.get("file_path").asText().substring(emulator.baseUrl().length());
      HttpResponse<byte[]> download = bot.getBytes(path);
      assertThat(download.statusCode()).isEqualTo(200);
      assertThat(download.headers().firstValue("Content-Type").orElseThrow())
          .startsWith("application/pdf");
      assertThat(download.body()).isEqualTo(bytes);
      assertThat(Http.to(emulator.baseUrl()).getBytes(path).statusCode()).isEqualTo(401);
      assertThat(
              Http.to(emulator.baseUrl())
                  .as(World.PLATFORM_LOGIN, World.PLATFORM_PASSWORD)
                  .getBytes(path)
                  .statusCode())
          .isEqualTo(403);
    }
  }

  @Test
  void theManagementLineDialogReachesThePlatformsHook() throws Exception {
    Http platform = Http.to(emulator.baseUrl()).as(World.PLATFORM_LOGIN, World.PLATFORM_PASSWORD);
    try (HookServer hook = new HookServer(0)) {
      assertThat(
              platform
                  .postJson(
                      "/v1/hook/",
                      "{\"type\":\"line\",\"id\":\""
                          + world.management.id()
                          + "\",\"url\":\""
                          + hook.url()
                          + "\"}")
                  .statusCode())
          .isEqualTo(200);

      emulator.scenario().specialistWritesToManagementLine(world.specialist.id(), "Telegram");

      JsonNode event = JSON.readTree(hook.next(WAIT).body());
      assertThat(event.get("line_id").asText()).isEqualTo(world.management.id());
      assertThat(event.get("user_id").asText()).isEqualTo(world.specialist.id());
      assertThat(event.get("author_id").asText()).isEqualTo(world.specialist.id());
      assertThat(event.get("text").asText()).isEqualTo("Telegram");
    }
  }

  @Test
  void aReceivedMessageIsEchoedToLineHooksButNotToBotHooks() throws Exception {
    try (HookServer lineHook = new HookServer(0);
        HookServer botHook = new HookServer(0)) {
      setHook("line", world.support.id(), lineHook.url(), null);
      setHook("bot", world.support.id(), botHook.url(), null);

      String answer =
          bot.postJson(
                  "/v1/line/receive/message/",
                  "{\"line_id\":\""
                      + world.support.id()
                      + "\",\"user_id\":\""
                      + world.user.id()
                      + "\",\"text\":\"hi\",\"external_id\":\"e1\"}")
              .body();

      JsonNode echo = JSON.readTree(lineHook.next(WAIT).body());
      assertThat(echo.get("message_id").asText())
          .isEqualTo(JSON.readTree(answer).get("message_id").asText());
      assertThat(echo.get("author_id").asText()).isEqualTo(echo.get("user_id").asText());
      // the echo was queued before this marker: the bot hook seeing the marker first shows the echo
      // skipped it
      emulator
          .scenario()
          .specialistHandsToBot(world.support.id(), world.user.id(), world.specialist.id(), "menu");
      JsonNode marker = JSON.readTree(botHook.next(WAIT).body());
      assertThat(marker.get("message_type").asInt()).isEqualTo(200);
      assertThat(marker.get("data").get("redirect").asText()).isEqualTo("menu");
    }
  }

  @Test
  void withEchoOffNothingIsPostedForReceivedMessages() {
    try (OneConnectEmulator quiet =
            OneConnectEmulator.start(
                OneConnectEmulatorConfig.builder().echoMode(EchoMode.NONE).build());
        HookServer hook = new HookServer(0)) {
      World w = new World(quiet);
      Http api = Http.to(quiet.baseUrl()).as(World.LOGIN, World.PASSWORD);
      api.postJson("/v1/hook/", "{\"type\":\"line\",\"url\":\"" + hook.url() + "\"}");

      api.postJson(
          "/v1/line/receive/message/",
          "{\"line_id\":\""
              + w.support.id()
              + "\",\"user_id\":\""
              + w.user.id()
              + "\",\"text\":\"hi\",\"external_id\":\"e1\"}");
      HookEvent marker = quiet.scenario().userWrites(w.support.id(), w.user.id(), "marker");

      assertThat(hook.next(WAIT).body()).contains(marker.messageId());
      assertThat(quiet.inspection().events())
          .filteredOn(HookEvent::isLineEvent)
          .extracting(HookEvent::messageId)
          .containsExactly(marker.messageId());
    }
  }
}
