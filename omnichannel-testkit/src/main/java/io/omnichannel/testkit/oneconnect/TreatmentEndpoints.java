package io.omnichannel.testkit.oneconnect;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Treatments: list, start, appoint a specialist, close. These calls post no events (not emulated).
 */
final class TreatmentEndpoints {
  private final Emulation emu;

  TreatmentEndpoints(Emulation emu) {
    this.emu = emu;
  }

  void register(Javalin app) {
    Routes.both(app, HandlerType.GET, "/v1/line/treatment/", this::list);
    Routes.both(app, HandlerType.POST, "/v1/line/appoint/start/", this::start);
    Routes.both(app, HandlerType.POST, "/v1/line/appoint/spec/", this::appoint);
    Routes.both(app, HandlerType.POST, "/v1/line/drop/treatment/", this::close);
  }

  private void list(Context ctx) {
    ApiAccount account = emu.access().account(ctx);
    String lineId = ctx.queryParam("line_id");
    String userId = ctx.queryParam("user_id");
    Wire.json(
        ctx,
        emu.treatments().open().stream()
            .filter(t -> account.canActOn(t.lineId()))
            .filter(t -> lineId == null || lineId.equals(t.lineId()))
            .filter(t -> userId == null || userId.equals(t.userId()))
            .map(TreatmentEndpoints::json)
            .toList());
  }

  private void start(Context ctx) {
    ObjectNode request = subscribedChat(ctx);
    emu.treatments()
        .start(request.get("line_id").asText(), request.get("user_id").asText(), PushApiTime.now());
    Wire.ok(ctx);
  }

  private void appoint(Context ctx) {
    ApiAccount account = emu.access().account(ctx);
    ObjectNode request = subscribedChat(ctx, account);
    String specialistId = Wire.requiredText(request, "spec_id");
    emu.directory()
        .specialist(specialistId)
        .filter(s -> s.companyId().equals(account.companyId()))
        .orElseThrow(() -> ApiError.badRequest("Field spec_id is not a specialist of the company"));
    emu.treatments()
        .appoint(
            request.get("line_id").asText(),
            request.get("user_id").asText(),
            specialistId,
            PushApiTime.now());
    Wire.ok(ctx);
  }

  private void close(Context ctx) {
    ApiAccount account = emu.access().account(ctx);
    ObjectNode request = Wire.object(ctx);
    Line line = emu.access().line(account, Wire.requiredText(request, "line_id"));
    emu.treatments().close(line.id(), Wire.requiredText(request, "user_id"));
    Wire.ok(ctx);
  }

  private ObjectNode subscribedChat(Context ctx) {
    return subscribedChat(ctx, emu.access().account(ctx));
  }

  private ObjectNode subscribedChat(Context ctx, ApiAccount account) {
    ObjectNode request = Wire.object(ctx);
    Line line = emu.access().line(account, Wire.requiredText(request, "line_id"));
    if (!emu.access().isSubscriber(line, Wire.requiredText(request, "user_id"))) {
      throw ApiError.withText(403, SendEndpoints.NOT_A_SUBSCRIBER);
    }
    return request;
  }

  private static Map<String, Object> json(Treatment treatment) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("treatment_id", treatment.id());
    json.put("user_id", treatment.userId());
    json.put("line_id", treatment.lineId());
    json.put("initialized_at", PushApiTime.format(treatment.initializedAt()));
    json.put("current_specialist", treatment.currentSpecialist());
    return json;
  }
}
