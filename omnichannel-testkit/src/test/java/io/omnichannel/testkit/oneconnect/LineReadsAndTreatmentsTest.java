package io.omnichannel.testkit.oneconnect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class LineReadsAndTreatmentsTest extends EmulatorTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonNode json(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  @Test
  void subscriptionsListOnlyLinesSwitchedOnForTheUser() throws Exception {
    JsonNode subscriptions = json(bot.get("/v1/line/subscriptions?user_id=" + world.user.id()));
    assertThat(subscriptions).hasSize(1);
    assertThat(subscriptions.get(0).get("line_id").asText()).isEqualTo(world.support.id());
    assertThat(subscriptions.get(0).get("user_id").asText()).isEqualTo(world.user.id());
    assertThat(subscriptions.get(0).get("subscription_set").asText())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    assertThat(subscriptions.get(0).has("subscription_expire_at")).isTrue();

    emulator.world().ban(world.user.id(), world.support.id());

    assertThat(json(bot.get("/v1/line/subscriptions/?user_id=" + world.user.id()))).isEmpty();
    assertThat(bot.get("/v1/line/subscriptions").statusCode()).isEqualTo(400);
  }

  @Test
  void subscribersAndOneSubscriberCarryThePersonFields() throws Exception {
    JsonNode subscribers = json(bot.get("/v1/line/subscribers"));
    assertThat(subscribers).hasSize(1);
    JsonNode anna = subscribers.get(0);
    assertThat(anna.get("user_id").asText()).isEqualTo(world.user.id());
    assertThat(anna.get("name").asText()).isEqualTo("Anna");
    assertThat(anna.get("surname").asText()).isEqualTo("Smirnova");
    assertThat(anna.fieldNames())
        .toIterable()
        .contains("patronymic", "avatar_url", "avatar_small_url", "post", "phone", "email");
    anna.fields()
        .forEachRemaining(f -> assertThat(f.getValue().isTextual()).as(f.getKey()).isTrue());
    assertThat(anna.get("patronymic").asText()).isEmpty();

    JsonNode one = json(bot.get("/v1/line/subscriber/" + world.user.id()));
    assertThat(one.get("name").asText()).isEqualTo("Anna");
    assertThat(one.has("avatar_small_url")).isFalse();
    one.fields()
        .forEachRemaining(f -> assertThat(f.getValue().isTextual()).as(f.getKey()).isTrue());
    for (JsonNode specialist : json(bot.get("/v1/line/specialists"))) {
      specialist
          .fields()
          .forEachRemaining(f -> assertThat(f.getValue().isTextual()).as(f.getKey()).isTrue());
    }
    HttpResponse<String> stranger = bot.get("/v1/line/subscriber/" + world.specialist.id());
    assertThat(stranger.statusCode()).isEqualTo(403);
    assertThat(stranger.body()).isEmpty();
  }

  @Test
  void aNonSpecialistIdIs403WithAnEmptyBody() throws Exception {
    assertThat(json(bot.get("/v1/line/specialist/" + world.specialist.id())).get("name").asText())
        .isEqualTo("Ivan");
    assertThat(json(bot.get("/v1/line/specialists"))).hasSize(1);
    assertThat(json(bot.get("/v1/line/specialists/" + world.support.id() + "/available")))
        .hasSize(1);

    HttpResponse<String> response = bot.get("/v1/line/specialist/" + world.user.id());

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).isEmpty();
  }

  @Test
  void aTreatmentStartsIsAppointedListedAndClosed() throws Exception {
    String chat =
        "{\"line_id\":\"" + world.support.id() + "\",\"user_id\":\"" + world.user.id() + "\"";
    assertThat(bot.postJson("/v1/line/appoint/start", chat + "}").statusCode()).isEqualTo(200);
    assertThat(
            bot.postJson(
                    "/v1/line/appoint/spec/",
                    chat + ",\"spec_id\":\"" + world.specialist.id() + "\"}")
                .statusCode())
        .isEqualTo(200);

    JsonNode treatments =
        json(
            bot.get(
                "/v1/line/treatment/?line_id="
                    + world.support.id()
                    + "&user_id="
                    + world.user.id()));
    assertThat(treatments).hasSize(1);
    assertThat(treatments.get(0).get("treatment_id").asText()).matches("[0-9a-f-]{36}");
    assertThat(treatments.get(0).get("current_specialist").asText())
        .isEqualTo(world.specialist.id());
    assertThat(treatments.get(0).get("initialized_at").asText())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");

    assertThat(bot.postJson("/v1/line/drop/treatment", chat + "}").statusCode()).isEqualTo(200);
    assertThat(json(bot.get("/v1/line/treatment/?line_id=" + world.support.id()))).isEmpty();
  }

  @Test
  void startingATreatmentWithANonSubscriberIs403WithText() {
    ClientUser stranger = emulator.world().addClientUser(world.client.id(), "Oleg", null);

    HttpResponse<String> response =
        bot.postJson(
            "/v1/line/appoint/start/",
            "{\"line_id\":\"" + world.support.id() + "\",\"user_id\":\"" + stranger.id() + "\"}");

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body())
        .isEqualTo("{\"error\":\"User is not a subscriber or never been online\"}");
  }
}
