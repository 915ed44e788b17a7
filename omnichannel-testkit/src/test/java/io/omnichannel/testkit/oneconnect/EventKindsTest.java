package io.omnichannel.testkit.oneconnect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The hook bodies of oneconnect-api.md §5 over HTTP: the envelope, the events beside line events,
 * treatment ids and automatic closes without an author.
 */
class EventKindsTest extends EmulatorTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(10);

  private void setHook(String type, String lineId, String url) {
    String id = lineId == null ? "" : ",\"id\":\"" + lineId + "\"";
    HttpResponse<String> response =
        bot.postJson("/v1/hook/", "{\"type\":\"" + type + "\",\"url\":\"" + url + "\"" + id + "}");
    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void everyBodyCarriesTheEnvelopeNamingTheKindOfHook() throws Exception {
    try (HookServer lineHook = new HookServer(0);
        HookServer botHook = new HookServer(0)) {
      setHook("line", world.support.id(), lineHook.url());
      setHook("bot", world.support.id(), botHook.url());

      emulator
          .scenario()
          .specialistWrites(world.support.id(), world.user.id(), world.specialist.id(), "Hi");

      JsonNode viaLine = JSON.readTree(lineHook.next(WAIT).body());
      JsonNode viaBot = JSON.readTree(botHook.next(WAIT).body());
      assertThat(viaLine.get("event_type").asText()).isEqualTo("line");
      assertThat(viaLine.get("event_source").asText()).isEqualTo("line");
      assertThat(viaBot.get("event_type").asText()).isEqualTo("line");
      assertThat(viaBot.get("event_source").asText()).isEqualTo("bot");
      assertThat(viaLine.has("treatment_id")).as("no treatment open").isFalse();
    }
  }

  @Test
  void switchingAUsersLineOffAndOnIsASubscriptionEventOnLineHooks() throws Exception {
    try (HookServer hook = new HookServer(0)) {
      setHook("line", world.support.id(), hook.url());

      emulator.world().ban(world.user.id(), world.support.id());
      JsonNode off = JSON.readTree(hook.next(WAIT).body());
      emulator.world().unban(world.user.id(), world.support.id());
      JsonNode on = JSON.readTree(hook.next(WAIT).body());

      assertThat(off.get("event_type").asText()).isEqualTo("subscription");
      assertThat(off.get("event_source").asText()).isEqualTo("line");
      assertThat(off.get("action").asText()).isEqualTo("delete");
      JsonNode subscription = off.get("subscription");
      assertThat(subscription.get("service_id").asText()).isEqualTo(world.support.id());
      assertThat(subscription.get("service_user_id").asText()).isEqualTo(world.user.id());
      assertThat(subscription.get("activate_date").asText())
          .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
      assertThat(subscription.get("expires_date").isNull()).isTrue();
      assertThat(off.has("message_id")).isFalse();
      assertThat(on.get("action").asText()).isEqualTo("add");
    }
  }

  @Test
  void aProfileChangeIsASubscriberEventAndALineChangeASupportLineEvent() throws Exception {
    try (HookServer hook = new HookServer(0)) {
      setHook("line", null, hook.url());

      emulator
          .world()
          .updateLine(
              new Line(
                  world.support.id(),
                  "Renamed",
                  world.support.availability(),
                  world.support.companyId(),
                  false));
      JsonNode line = JSON.readTree(hook.next(WAIT).body());
      HttpResponse<String> edit =
          bot.soap(
              "/cus/ws/PartnerWebAPI2",
              "ClientUserEdit",
              SoapEnvelope.operation("ClientUserEdit")
                  .string(SoapPropertyNames.USER_ID, world.user.id())
                  .string(SoapPropertyNames.NAME, "Petr")
                  .bytes(),
              true);
      assertThat(edit.statusCode()).isEqualTo(200);
      JsonNode subscriber = JSON.readTree(hook.next(WAIT).body());

      assertThat(line.get("event_type").asText()).isEqualTo("support_line");
      assertThat(line.get("action").asText()).isEqualTo("update");
      assertThat(line.get("line").get("line_id").asText()).isEqualTo(world.support.id());
      assertThat(line.get("line").get("name").asText()).isEqualTo("Renamed");
      assertThat(subscriber.get("event_type").asText()).isEqualTo("subscriber");
      assertThat(subscriber.get("action").asText()).isEqualTo("update");
      JsonNode user = subscriber.get("user");
      assertThat(user.get("user_id").asText()).isEqualTo(world.user.id());
      assertThat(user.get("name").asText()).isEqualTo("Petr");
      user.fields().forEachRemaining(f -> assertThat(f.getValue().isTextual()).isTrue());
      assertThat(user.has("avatar_small_url")).isFalse();
    }
  }

  @Test
  void anAutomaticCloseHasNoAuthorButTheTreatmentsId() throws Exception {
    try (HookServer hook = new HookServer(0)) {
      setHook("line", world.support.id(), hook.url());
      HttpResponse<String> start =
          bot.postJson(
              "/v1/line/appoint/start/",
              "{\"line_id\":\""
                  + world.support.id()
                  + "\",\"user_id\":\""
                  + world.user.id()
                  + "\"}");
      assertThat(start.statusCode()).isEqualTo(200);
      String treatment = emulator.world().openTreatments().get(0).id();

      emulator
          .scenario()
          .specialistWrites(world.support.id(), world.user.id(), world.specialist.id(), "Hi");
      JsonNode message = JSON.readTree(hook.next(WAIT).body());
      HookEvent closed =
          emulator.scenario().closesForInactivity(world.support.id(), world.user.id());
      JsonNode close = JSON.readTree(hook.next(WAIT).body());

      assertThat(message.get("treatment_id").asText()).isEqualTo(treatment);
      assertThat(close.get("message_id").asText()).isEqualTo(closed.messageId());
      assertThat(close.get("message_type").asInt()).isEqualTo(90);
      assertThat(close.get("treatment_id").asText()).isEqualTo(treatment);
      assertThat(close.has("author_id")).isFalse();
      assertThat(emulator.world().openTreatments()).isEmpty();
    }
  }

  @Test
  void anyOtherKindCanBeEmittedAsItIs() throws Exception {
    try (HookServer hook = new HookServer(0)) {
      setHook("line", world.support.id(), hook.url());

      emulator
          .scenario()
          .emitEvent(
              "competence",
              world.support.id(),
              Map.of(
                  "action",
                  "add",
                  "competence",
                  Map.of("specialist_id", world.specialist.id(), "line_id", world.support.id())));

      JsonNode event = JSON.readTree(hook.next(WAIT).body());
      assertThat(event.get("event_type").asText()).isEqualTo("competence");
      assertThat(event.get("competence").get("specialist_id").asText())
          .isEqualTo(world.specialist.id());
    }
  }
}
