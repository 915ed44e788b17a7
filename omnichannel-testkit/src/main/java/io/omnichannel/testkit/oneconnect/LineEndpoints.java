package io.omnichannel.testkit.oneconnect;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads of the push API: lines, subscriptions, subscribers, specialists, competences. */
final class LineEndpoints {
  private final Emulation emu;

  LineEndpoints(Emulation emu) {
    this.emu = emu;
  }

  void register(Javalin app) {
    Routes.both(app, HandlerType.GET, "/v1/line/", this::lines);
    Routes.both(app, HandlerType.GET, "/v1/line/subscriptions/", this::subscriptions);
    Routes.both(app, HandlerType.GET, "/v1/line/subscribers/", this::subscribers);
    Routes.both(app, HandlerType.GET, "/v1/line/subscriber/{user_id}/", this::subscriber);
    Routes.both(app, HandlerType.GET, "/v1/line/specialists/", this::specialists);
    Routes.both(app, HandlerType.GET, "/v1/line/specialist/{id}/", this::specialist);
    Routes.both(app, HandlerType.GET, "/v1/line/specialists/{line_id}/available/", this::available);
    Routes.both(app, HandlerType.GET, "/v1/line/competences/", this::competences);
  }

  private void lines(Context ctx) {
    ApiAccount account = emu.access().account(ctx);
    List<Map<String, Object>> result = new ArrayList<>();
    for (Line line : emu.directory().lines()) {
      if (account.canActOn(line.id())) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("line_id", line.id());
        json.put("name", line.name());
        json.put("allow_bot", account.allowsBotOn(line.id()));
        emu.hooks().botHook(line.id()).ifPresent(hook -> json.put("hook_bot", hook.url()));
        emu.hooks()
            .lineHook(account.login(), line.id())
            .ifPresent(hook -> json.put("hook_line", hook.url()));
        result.add(json);
      }
    }
    Wire.json(ctx, result);
  }

  private void subscriptions(Context ctx) {
    ApiAccount account = emu.access().account(ctx);
    String userId = Wire.requiredQuery(ctx, "user_id");
    List<Map<String, Object>> result = new ArrayList<>();
    for (LineSubscription subscription : emu.clients().subscriptionsOf(userId)) {
      if (subscription.active() && account.canActOn(subscription.lineId())) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("user_id", userId);
        json.put("line_id", subscription.lineId());
        json.put("subscription_set", PushApiTime.seconds(subscription.since()));
        json.put("subscription_expire_at", null);
        result.add(json);
      }
    }
    Wire.json(ctx, result);
  }

  private void subscribers(Context ctx) {
    ApiAccount account = emu.access().account(ctx);
    String onlyLine = ctx.queryParam("line_id");
    Wire.json(
        ctx,
        subscriberIds(account, onlyLine).stream()
            .flatMap(id -> emu.clients().user(id).stream())
            .map(PersonJson::of)
            .toList());
  }

  private void subscriber(Context ctx) {
    ApiAccount account = emu.access().account(ctx);
    String userId = ctx.pathParam("user_id");
    if (!subscriberIds(account, null).contains(userId)) {
      throw ApiError.empty(403);
    }
    Wire.json(ctx, PersonJson.single(PersonJson.of(emu.clients().user(userId).orElseThrow())));
  }

  private Set<String> subscriberIds(ApiAccount account, String onlyLine) {
    Set<String> ids = new LinkedHashSet<>();
    for (LineSubscription subscription : emu.clients().allSubscriptions()) {
      boolean lineWanted = onlyLine == null || onlyLine.equals(subscription.lineId());
      if (subscription.active() && lineWanted && account.canActOn(subscription.lineId())) {
        ids.add(subscription.userId());
      }
    }
    return ids;
  }

  private void specialists(Context ctx) {
    ApiAccount account = emu.access().account(ctx);
    Wire.json(
        ctx,
        emu.directory().specialistsOf(account.companyId()).stream().map(PersonJson::of).toList());
  }

  private void specialist(Context ctx) {
    ApiAccount account = emu.access().account(ctx);
    Specialist specialist =
        emu.directory()
            .specialist(ctx.pathParam("id"))
            .filter(s -> s.companyId().equals(account.companyId()))
            .orElseThrow(() -> ApiError.empty(403));
    Wire.json(ctx, PersonJson.single(PersonJson.of(specialist)));
  }

  private void available(Context ctx) {
    ApiAccount account = emu.access().account(ctx);
    Line line = emu.access().line(account, ctx.pathParam("line_id"));
    Wire.json(
        ctx, emu.directory().specialistsOf(line.companyId()).stream().map(PersonJson::of).toList());
  }

  private void competences(Context ctx) {
    ApiAccount account = emu.access().account(ctx);
    String onlySpecialist = ctx.queryParam("user_id");
    List<Map<String, Object>> result = new ArrayList<>();
    for (Specialist specialist : emu.directory().specialistsOf(account.companyId())) {
      if (onlySpecialist != null && !onlySpecialist.equals(specialist.id())) {
        continue;
      }
      for (String lineId : account.lineAllowBot().keySet()) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("specialist_id", specialist.id());
        json.put("line_id", lineId);
        json.put("pool_priority", 0);
        json.put("is_franch_spec", false);
        result.add(json);
      }
    }
    Wire.json(ctx, result);
  }
}
