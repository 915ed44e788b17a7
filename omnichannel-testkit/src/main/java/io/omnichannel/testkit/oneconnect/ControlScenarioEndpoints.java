package io.omnichannel.testkit.oneconnect;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * {@code /_emulator/oneconnect/scenario/…}: people acting in 1C-Connect; each answers the posted
 * event.
 */
final class ControlScenarioEndpoints {
  private static final String ROOT = ControlEndpoints.ROOT + "/scenario";
  private static final TypeReference<List<List<Button>>> KEYBOARD = new TypeReference<>() {};
  private static final TypeReference<Map<String, Object>> DATA = new TypeReference<>() {};

  private final OneConnectScenario scenario;

  ControlScenarioEndpoints(OneConnectScenario scenario) {
    this.scenario = scenario;
  }

  void register(Javalin app) {
    app.post(ROOT + "/specialist-message", ControlHttp.guard(this::specialistMessage));
    app.post(ROOT + "/specialist-file", ControlHttp.guard(this::specialistFile));
    app.post(ROOT + "/broadcast", ControlHttp.guard(this::broadcast));
    app.post(ROOT + "/drop-keyboard", ControlHttp.guard(this::dropKeyboard));
    app.post(ROOT + "/user-message", ControlHttp.guard(this::userMessage));
    app.post(ROOT + "/management-message", ControlHttp.guard(this::managementMessage));
    app.post(ROOT + "/event", ControlHttp.guard(this::event));
  }

  /**
   * {@code line_id, user_id, specialist_id, text, keyboard?} (a keyboard makes it a digital menu).
   */
  private void specialistMessage(Context ctx) {
    JsonNode b = ControlHttp.body(ctx);
    JsonNode keyboard = b.get("keyboard");
    HookEvent event =
        keyboard == null || keyboard.isNull()
            ? scenario.specialistWrites(
                line(b), user(b), specialist(b), ControlHttp.text(b, "text"))
            : scenario.specialistSendsMenu(
                line(b),
                user(b),
                specialist(b),
                ControlHttp.text(b, "text"),
                Json.CONTROL.convertValue(keyboard, KEYBOARD));
    ControlHttp.ok(ctx, event);
  }

  /** {@code line_id, user_id, specialist_id, file_name, mime, content_base64, comment?}. */
  private void specialistFile(Context ctx) {
    JsonNode b = ControlHttp.body(ctx);
    byte[] bytes = Base64.getDecoder().decode(ControlHttp.text(b, "content_base64"));
    ControlHttp.ok(
        ctx,
        scenario.specialistSendsFile(
            line(b),
            user(b),
            specialist(b),
            ControlHttp.text(b, "file_name"),
            ControlHttp.text(b, "mime"),
            bytes,
            ControlHttp.optionalText(b, "comment")));
  }

  /** {@code line_id, user_id, specialist_id, text, link_button {text, url}}. */
  private void broadcast(Context ctx) {
    JsonNode b = ControlHttp.body(ctx);
    JsonNode link = b.path("link_button");
    ControlHttp.ok(
        ctx,
        scenario.specialistBroadcasts(
            line(b),
            user(b),
            specialist(b),
            ControlHttp.text(b, "text"),
            new LinkButton(ControlHttp.text(link, "text"), ControlHttp.text(link, "url"))));
  }

  private void dropKeyboard(Context ctx) {
    JsonNode b = ControlHttp.body(ctx);
    ControlHttp.ok(ctx, scenario.specialistDropsKeyboard(line(b), user(b), specialist(b)));
  }

  /** {@code line_id, user_id, text}: the user writes, or presses a button (its text). */
  private void userMessage(Context ctx) {
    JsonNode b = ControlHttp.body(ctx);
    ControlHttp.ok(ctx, scenario.userWrites(line(b), user(b), ControlHttp.text(b, "text")));
  }

  /** {@code specialist_id, text}: a specialist writes to the channel-management line. */
  private void managementMessage(Context ctx) {
    JsonNode b = ControlHttp.body(ctx);
    ControlHttp.ok(
        ctx, scenario.specialistWritesToManagementLine(specialist(b), ControlHttp.text(b, "text")));
  }

  /** {@code line_id, user_id, message_type, author_id, text?, data?}: any event, as given. */
  private void event(Context ctx) {
    JsonNode b = ControlHttp.body(ctx);
    if (!b.path("message_type").isInt()) {
      throw new IllegalArgumentException("field message_type (int) is required");
    }
    Map<String, Object> data =
        b.hasNonNull("data") ? Json.CONTROL.convertValue(b.get("data"), DATA) : Map.of();
    ControlHttp.ok(
        ctx,
        scenario.emit(
            line(b),
            user(b),
            b.get("message_type").asInt(),
            ControlHttp.text(b, "author_id"),
            ControlHttp.optionalText(b, "text"),
            data));
  }

  private static String line(JsonNode body) {
    return ControlHttp.text(body, "line_id");
  }

  private static String user(JsonNode body) {
    return ControlHttp.text(body, "user_id");
  }

  private static String specialist(JsonNode body) {
    return ControlHttp.text(body, "specialist_id");
  }
}
