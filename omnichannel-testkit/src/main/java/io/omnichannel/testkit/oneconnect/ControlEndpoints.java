package io.omnichannel.testkit.oneconnect;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The HTTP control API under {@value #ROOT}: world setup here; scenario and inspection in their own
 * classes. Bodies and answers are snake_case JSON mirroring the Java API.
 */
final class ControlEndpoints {
  static final String ROOT = "/_emulator/oneconnect";

  private final OneConnectWorld world;
  private final OneConnectScenario scenario;
  private final OneConnectInspection inspection;

  ControlEndpoints(
      OneConnectWorld world, OneConnectScenario scenario, OneConnectInspection inspection) {
    this.world = world;
    this.scenario = scenario;
    this.inspection = inspection;
  }

  void register(Javalin app) {
    app.get(ROOT + "/world", ControlHttp.guard(this::snapshot));
    app.get(ROOT + "/hooks", ControlHttp.guard(ctx -> ControlHttp.ok(ctx, world.hooks())));
    app.post(ROOT + "/companies", ControlHttp.guard(this::addCompany));
    app.post(ROOT + "/companies/{id}/external-channels", ControlHttp.guard(this::setOption));
    app.post(ROOT + "/lines", ControlHttp.guard(this::addLine));
    app.post(ROOT + "/specialists", ControlHttp.guard(this::addSpecialist));
    app.post(ROOT + "/api-accounts", ControlHttp.guard(this::addAccount));
    app.post(ROOT + "/api-accounts/{login}/partner", ControlHttp.guard(this::grantPartner));
    app.post(ROOT + "/clients", ControlHttp.guard(this::addClient));
    app.post(ROOT + "/client-users", ControlHttp.guard(this::addClientUser));
    app.post(ROOT + "/client-users/{user_id}/lines/{line_id}", ControlHttp.guard(this::enableLine));
    app.post(ROOT + "/client-users/{user_id}/lines/{line_id}/ban", ControlHttp.guard(this::ban));
    app.delete(
        ROOT + "/client-users/{user_id}/lines/{line_id}/ban", ControlHttp.guard(this::unban));
    new ControlScenarioEndpoints(scenario).register(app);
    new ControlInspectionEndpoints(inspection).register(app);
  }

  private void snapshot(Context ctx) {
    Map<String, Object> snapshot = new LinkedHashMap<>();
    snapshot.put("companies", world.companies());
    snapshot.put("lines", world.lines());
    snapshot.put("specialists", world.specialists());
    snapshot.put("api_accounts", world.apiAccounts());
    snapshot.put("clients", world.clients());
    snapshot.put("client_users", world.clientUsers());
    snapshot.put(
        "subscriptions",
        world.clientUsers().stream().flatMap(u -> world.subscriptions(u.id()).stream()).toList());
    snapshot.put("hooks", world.hooks());
    snapshot.put("open_treatments", world.openTreatments());
    ControlHttp.ok(ctx, snapshot);
  }

  private void addCompany(Context ctx) {
    JsonNode body = ControlHttp.body(ctx);
    ControlHttp.ok(
        ctx,
        world.addCompany(
            new Company(
                idOrNew(body),
                ControlHttp.text(body, "name"),
                body.path("external_channels").asBoolean(true))));
  }

  private void setOption(Context ctx) {
    JsonNode body = ControlHttp.body(ctx);
    if (!body.path("active").isBoolean()) {
      throw new IllegalArgumentException("field active (boolean) is required");
    }
    ControlHttp.ok(
        ctx, world.setExternalChannels(ctx.pathParam("id"), body.get("active").asBoolean()));
  }

  private void addLine(Context ctx) {
    JsonNode body = ControlHttp.body(ctx);
    String availability =
        body.path("availability").asText(LineAvailability.CLIENTS_AND_SPECIALISTS.name());
    ControlHttp.ok(
        ctx,
        world.addLine(
            new Line(
                idOrNew(body),
                ControlHttp.text(body, "name"),
                LineAvailability.valueOf(availability),
                ControlHttp.text(body, "company_id"),
                body.path("management").asBoolean(false))));
  }

  private void addSpecialist(Context ctx) {
    JsonNode body = ControlHttp.body(ctx);
    Specialist made =
        world.addSpecialist(
            ControlHttp.text(body, "company_id"),
            ControlHttp.text(body, "name"),
            ControlHttp.optionalText(body, "surname"));
    ControlHttp.ok(ctx, made);
  }

  private void addAccount(Context ctx) {
    JsonNode body = ControlHttp.body(ctx);
    Map<String, Boolean> lines = new LinkedHashMap<>();
    body.path("line_allow_bot")
        .properties()
        .forEach(e -> lines.put(e.getKey(), e.getValue().asBoolean()));
    ControlHttp.ok(
        ctx,
        world.addApiAccount(
            ControlHttp.text(body, "login"),
            ControlHttp.text(body, "password"),
            ControlHttp.text(body, "company_id"),
            lines));
  }

  private void grantPartner(Context ctx) {
    world.grantPartnerAccess(ctx.pathParam("login"));
    ControlHttp.ok(ctx, Map.of("login", ctx.pathParam("login"), "partner", true));
  }

  private void addClient(Context ctx) {
    JsonNode body = ControlHttp.body(ctx);
    ControlHttp.ok(
        ctx, world.addClient(ControlHttp.text(body, "company_id"), ControlHttp.text(body, "name")));
  }

  private void addClientUser(Context ctx) {
    JsonNode body = ControlHttp.body(ctx);
    ControlHttp.ok(
        ctx,
        world.addClientUser(
            ControlHttp.text(body, "client_id"),
            ControlHttp.text(body, "name"),
            ControlHttp.optionalText(body, "surname")));
  }

  private void enableLine(Context ctx) {
    world.enableLine(ctx.pathParam("user_id"), ctx.pathParam("line_id"));
    ControlHttp.ok(ctx, world.subscriptions(ctx.pathParam("user_id")));
  }

  private void ban(Context ctx) {
    world.ban(ctx.pathParam("user_id"), ctx.pathParam("line_id"));
    ControlHttp.ok(ctx, world.subscriptions(ctx.pathParam("user_id")));
  }

  private void unban(Context ctx) {
    world.unban(ctx.pathParam("user_id"), ctx.pathParam("line_id"));
    ControlHttp.ok(ctx, world.subscriptions(ctx.pathParam("user_id")));
  }

  private static String idOrNew(JsonNode body) {
    String id = ControlHttp.optionalText(body, "id");
    return id == null ? OneConnectWorld.newId() : id;
  }
}
