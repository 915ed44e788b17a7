package io.omnichannel.testkit.oneconnect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The assumed partner-level calls and the HEAD of a file download. */
class PartnerEndpointsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private OneConnectEmulator emulator;
  private World world;
  private Http platform;

  @BeforeEach
  void start() {
    emulator = OneConnectEmulator.start();
    world = new World(emulator);
    emulator.world().grantPartnerAccess(World.PLATFORM_LOGIN);
    platform = Http.to(emulator.baseUrl()).as(World.PLATFORM_LOGIN, World.PLATFORM_PASSWORD);
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  void tellsWhichCompanyASpecialistWorksFor() throws Exception {
    HttpResponse<String> response =
        platform.get("/v1/partner/specialist/" + world.specialist.id() + "/");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode json = JSON.readTree(response.body());
    assertThat(json.get("user_id").asText()).isEqualTo(world.specialist.id());
    assertThat(json.get("company_id").asText()).isEqualTo(world.company.id());
    assertThat(json.get("name").asText()).isEqualTo("Ivan Petrov");
    assertThat(json.get("company_name").asText()).isEqualTo("Acme");
  }

  @Test
  void aClientUserIsNoSpecialist() {
    HttpResponse<String> response = platform.get("/v1/partner/specialist/" + world.user.id() + "/");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).isEqualTo("{\"error\":\"Specialist not found\"}");
  }

  @Test
  void listsACompanysLinesWithTheirAvailabilityButNotTheManagementLine() throws Exception {
    JsonNode lines =
        JSON.readTree(platform.get("/v1/partner/company/" + world.company.id() + "/lines/").body());

    assertThat(lines).hasSize(2);
    assertThat(lines.get(0).get("line_id").asText()).isEqualTo(world.support.id());
    assertThat(lines.get(0).get("availability").asText()).isEqualTo("clients_and_specialists");
    assertThat(lines.get(1).get("availability").asText()).isEqualTo("specialists_only");
    String platformCompany = world.management.companyId();
    assertThat(
            JSON.readTree(
                platform.get("/v1/partner/company/" + platformCompany + "/lines/").body()))
        .isEmpty();
  }

  @Test
  void readsTheTariffOption() throws Exception {
    String path = "/v1/partner/company/" + world.company.id() + "/options/";
    assertThat(JSON.readTree(platform.get(path).body()).get("external_channels").asBoolean())
        .isTrue();

    emulator.world().setExternalChannels(world.company.id(), false);

    assertThat(JSON.readTree(platform.get(path).body()).get("external_channels").asBoolean())
        .isFalse();
    assertThat(platform.get("/v1/partner/company/nope/options/").statusCode()).isEqualTo(404);
  }

  @Test
  void anOrdinaryApiAccountMayNotUseThem() {
    Http company = Http.to(emulator.baseUrl()).as(World.LOGIN, World.PASSWORD);

    HttpResponse<String> response =
        company.get("/v1/partner/specialist/" + world.specialist.id() + "/");

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).isEmpty();
    assertThat(
            Http.to(emulator.baseUrl())
                .as(World.PLATFORM_LOGIN, "wrong")
                .get("/v1/partner/company/" + world.company.id() + "/lines/")
                .statusCode())
        .isEqualTo(401);
  }

  @Test
  void theControlApiGrantsPartnerAccessAndRefusesAnUnknownLogin() {
    Http control = Http.to(emulator.controlUrl().substring(0, emulator.controlUrl().length() - 1));
    Http company = Http.to(emulator.baseUrl()).as(World.LOGIN, World.PASSWORD);
    String path = "/v1/partner/company/" + world.company.id() + "/options/";
    assertThat(company.get(path).statusCode()).isEqualTo(403);

    assertThat(control.postJson("/api-accounts/" + World.LOGIN + "/partner", "{}").statusCode())
        .isEqualTo(200);

    assertThat(company.get(path).statusCode()).isEqualTo(200);
    assertThat(control.postJson("/api-accounts/nobody/partner", "{}").statusCode()).isEqualTo(400);
  }

  @Test
  void headOfAFileTellsItsSizeWithoutTheBody() throws Exception {
    HookEvent sent =
        emulator
            .scenario()
            .specialistSendsFile(
                world.support.id(),
                world.user.id(),
                world.specialist.id(),
                "a.pdf",
                "application/pdf",
                new byte[1234],
                null);
    String url = sent.file().url();

    HttpResponse<Void> head =
        java.net.http.HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(java.net.URI.create(url))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody())
                    .header(
                        "Authorization",
                        "Basic "
                            + java.util.Base64.getEncoder()
                                .encodeToString(
                                    (World.LOGIN + ":" + World.PASSWORD)
                                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                    .build(),
                HttpResponse.BodyHandlers.discarding());

    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.headers().firstValueAsLong("Content-Length")).hasValue(1234);
    assertThat(head.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/pdf"));
  }
}
