package io.omnichannel.testkit.oneconnect;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * <b>Assumed</b> partner-level calls (not in 1C-Connect's public API): what the gateway needs to
 * know with its own service account before any company API account is entered. Only accounts
 * granted with {@link OneConnectWorld#grantPartnerAccess} may use them (403 with an empty body
 * otherwise).
 *
 * <ul>
 *   <li>{@code GET /v1/partner/specialist/{user_id}/} → {@code {user_id, company_id, name,
 *       company_name}}; 404 {@code {"error":"Specialist not found"}}
 *   <li>{@code GET /v1/partner/company/{company_id}/lines/} → {@code [{line_id, name,
 *       availability}]} with availability {@code clients_and_specialists}, {@code specialists_only}
 *       or {@code clients_only}; the channel-management line is not listed; 404 {@code
 *       {"error":"Company not found"}}
 *   <li>{@code GET /v1/partner/company/{company_id}/options/} → {@code {external_channels: bool}};
 *       404 as above
 * </ul>
 */
final class PartnerEndpoints {
  private final Emulation emu;

  PartnerEndpoints(Emulation emu) {
    this.emu = emu;
  }

  void register(Javalin app) {
    Routes.both(app, HandlerType.GET, "/v1/partner/specialist/{user_id}/", this::specialist);
    Routes.both(app, HandlerType.GET, "/v1/partner/company/{company_id}/lines/", this::lines);
    Routes.both(app, HandlerType.GET, "/v1/partner/company/{company_id}/options/", this::options);
  }

  private void specialist(Context ctx) {
    partner(ctx);
    Specialist specialist =
        emu.directory()
            .specialist(ctx.pathParam("user_id"))
            .orElseThrow(() -> ApiError.withText(404, "Specialist not found"));
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("user_id", specialist.id());
    json.put("company_id", specialist.companyId());
    emu.directory()
        .company(specialist.companyId())
        .ifPresent(company -> json.put("company_name", company.name()));
    json.put(
        "name",
        specialist.surname() == null
            ? specialist.name()
            : specialist.name() + " " + specialist.surname());
    Wire.json(ctx, json);
  }

  private void lines(Context ctx) {
    partner(ctx);
    String companyId = company(ctx).id();
    List<Map<String, Object>> result =
        emu.directory().linesOf(companyId).stream()
            .filter(line -> !line.management())
            .map(
                line -> {
                  Map<String, Object> json = new LinkedHashMap<>();
                  json.put("line_id", line.id());
                  json.put("name", line.name());
                  json.put("availability", line.availability().name().toLowerCase(Locale.ROOT));
                  return json;
                })
            .toList();
    Wire.json(ctx, result);
  }

  private void options(Context ctx) {
    partner(ctx);
    Wire.json(ctx, Map.of("external_channels", company(ctx).externalChannels()));
  }

  private void partner(Context ctx) {
    ApiAccount account = emu.access().account(ctx);
    if (!emu.directory().isPartner(account.login())) {
      throw ApiError.empty(403);
    }
  }

  private Company company(Context ctx) {
    return emu.directory()
        .company(ctx.pathParam("company_id"))
        .orElseThrow(() -> ApiError.withText(404, "Company not found"));
  }
}
