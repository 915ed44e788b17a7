package io.omnichannel.testkit.max;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.omnichannel.testkit.support.AsyncAnswer;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API's common path (access_token refusal, injected failures, the bare-token {@code
 * Authorization} header, 30 requests/s, delays, {@code {code, message}} errors) and the methods
 * {@code /me}, {@code /updates}, {@code /subscriptions}, {@code /answers} and {@code /chats/…}.
 */
final class ApiEndpoints {
  /** Set on a context our code answered, so the 404 handler leaves our own 404s alone. */
  static final String ANSWERED = "max.answered";

  private static final Logger LOG = LoggerFactory.getLogger(ApiEndpoints.class);
  private static final Pattern SECRET = Pattern.compile("^[a-zA-Z0-9_-]{5,256}$");
  private static final Set<String> ACTIONS =
      Set.of(
          "typing_on",
          "sending_photo",
          "sending_video",
          "sending_audio",
          "sending_file",
          "mark_seen");

  /** A method: answers a JSON object now or a future of one. */
  interface Method {
    Object call(Bot bot, Context ctx);
  }

  private final MaxEmulator emulator;

  ApiEndpoints(MaxEmulator emulator) {
    this.emulator = emulator;
  }

  void register(Javalin app) {
    app.get("/me", api(false, (bot, ctx) -> me(bot)));
    app.get("/updates", api(true, this::updates));
    app.get("/subscriptions", api(false, (bot, ctx) -> subscriptions(bot)));
    app.post("/subscriptions", api(false, this::subscribe));
    app.delete("/subscriptions", api(false, ApiEndpoints::unsubscribe));
    app.get("/chats/{chatId}", api(false, ApiEndpoints::chat));
    app.get("/chats/{chatId}/members", api(false, ApiEndpoints::members));
    app.get("/chats/{chatId}/members/me", api(false, ApiEndpoints::membershipOfBot));
    app.delete("/chats/{chatId}/members/me", api(false, ApiEndpoints::leave));
    app.get("/chats/{chatId}/members/admins", api(false, ApiEndpoints::admins));
    app.post("/chats/{chatId}/actions", api(false, ApiEndpoints::action));
  }

  // ---- the common path

  Handler api(boolean poll, Method method) {
    return ctx -> {
      CompletableFuture<JsonNode> answer;
      try {
        answer = asFuture(invoke(ctx, poll, method));
      } catch (RuntimeException error) {
        answer = CompletableFuture.failedFuture(error);
      }
      AsyncAnswer.write(
          ctx, emulator.failures.delayed(answer, emulator.scheduler()), done -> write(ctx, done));
    };
  }

  private Object invoke(Context ctx, boolean poll, Method method) {
    if (ctx.queryParam("access_token") != null) {
      throw MaxError.deprecatedToken();
    }
    String token = ctx.header("Authorization");
    String path = ctx.path();
    String segment = path.length() > 1 ? path.substring(1).split("/", 2)[0] : "";
    MaxError injected =
        emulator.failures.failureFor(
            token == null ? "" : token, ctx.method().name() + " /" + segment, "/" + segment);
    if (injected != null) {
      throw injected;
    }
    Bot bot = emulator.authorized(token);
    bot.rate.admit(poll);
    return method.call(bot, ctx);
  }

  @SuppressWarnings("unchecked")
  private static CompletableFuture<JsonNode> asFuture(Object result) {
    if (result instanceof CompletableFuture<?> future) {
      return (CompletableFuture<JsonNode>) future;
    }
    return CompletableFuture.completedFuture((JsonNode) result);
  }

  private static void write(Context ctx, CompletableFuture<JsonNode> done) {
    try {
      JsonNode body = done.join();
      ctx.status(200).contentType("application/json; charset=utf-8").result(Json.write(body));
    } catch (CompletionException | CancellationException failed) {
      Throwable cause = AsyncAnswer.cause(failed);
      MaxError error;
      if (cause instanceof MaxError maxError) {
        error = maxError;
      } else if (cause instanceof NumberFormatException bad) {
        error = MaxError.badRequest("Invalid number: " + bad.getMessage());
      } else {
        LOG.warn("emulator bug answering a MAX API call", cause);
        error = MaxError.of(500, "internal.error", "Internal server error");
      }
      writeError(ctx, error);
    }
  }

  static void writeError(Context ctx, MaxError error) {
    ctx.attribute(ANSWERED, true);
    ObjectNode body = Json.object().put("code", error.code).put("message", error.getMessage());
    ctx.status(error.status)
        .contentType("application/json; charset=utf-8")
        .result(Json.write(body));
  }

  // ---- parameters

  static Long longParam(Context ctx, String name) {
    String value = ctx.queryParam(name);
    if (value == null || value.isEmpty()) {
      return null;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw MaxError.badRequest("Invalid value of parameter " + name + ": " + value);
    }
  }

  static int intParam(Context ctx, String name, int fallback, int min, int max) {
    Long value = longParam(ctx, name);
    if (value == null) {
      return fallback;
    }
    if (value < min || value > max) {
      throw MaxError.badRequest(
          "Parameter " + name + " must be between " + min + " and " + max + ", was " + value);
    }
    return value.intValue();
  }

  static long chatIdParam(Context ctx) {
    try {
      return Long.parseLong(ctx.pathParam("chatId"));
    } catch (NumberFormatException e) {
      throw MaxError.badRequest("Invalid chat id: " + ctx.pathParam("chatId"));
    }
  }

  /** JSON bodies above this are refused unread into memory (413, our code). */
  static final long MAX_JSON_BYTES = 1024 * 1024;

  static JsonNode jsonBody(Context ctx) {
    if (ctx.req().getContentLengthLong() > MAX_JSON_BYTES) {
      throw new MaxError(
          413, "request.too.large", "Request body exceeds " + MAX_JSON_BYTES + " bytes");
    }
    String body = ctx.body();
    JsonNode json = body.isBlank() ? Json.object() : Json.parse(body);
    if (!json.isObject()) {
      throw MaxError.badRequest("Request body must be a JSON object");
    }
    return json;
  }

  private static Set<String> list(String commaSeparated) {
    if (commaSeparated == null || commaSeparated.isBlank()) {
      return null;
    }
    Set<String> items = new LinkedHashSet<>();
    Arrays.stream(commaSeparated.split(","))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .forEach(items::add);
    return items;
  }

  // ---- methods

  private static ObjectNode me(Bot bot) {
    ObjectNode me = bot.info.userJson(System.currentTimeMillis());
    me.putNull("description");
    me.putArray("commands");
    return me;
  }

  /** limit 1–1000 (answers at most 100), timeout 0–90 s (held at most 30 s), marker, types. */
  private Object updates(Bot bot, Context ctx) {
    int limit = Math.min(100, intParam(ctx, "limit", 100, 1, 1000));
    int timeout = Math.min(30, intParam(ctx, "timeout", 30, 0, 90));
    Long marker = longParam(ctx, "marker");
    Set<String> types = list(ctx.queryParam("types"));
    return bot.updates.poll(marker, limit, timeout, types);
  }

  private static ObjectNode subscriptions(Bot bot) {
    ObjectNode answer = Json.object();
    ArrayNode list = answer.putArray("subscriptions");
    UpdateLog.Subscription subscription = bot.updates.subscription();
    if (subscription != null) {
      ObjectNode entry = list.addObject();
      entry.put("url", subscription.url());
      entry.put("time", subscription.time());
      ArrayNode types = entry.putArray("update_types");
      if (subscription.types() != null) {
        subscription.types().forEach(types::add);
      }
      entry.put("version", "0.0.32");
    }
    return answer;
  }

  private ObjectNode subscribe(Bot bot, Context ctx) {
    JsonNode body = jsonBody(ctx);
    String url = body.path("url").textValue();
    if (url == null || url.isBlank()) {
      throw MaxError.badRequest("url is required");
    }
    if (!url.startsWith("https://")
        && !(emulator.config().allowLoopbackHttpWebhooks() && isLoopbackHttp(url))) {
      throw MaxError.badRequest("url must start with https://");
    }
    String secret = null;
    if (body.hasNonNull("secret")) {
      secret = body.get("secret").asText();
      if (!SECRET.matcher(secret).matches()) {
        throw MaxError.badRequest("secret must match ^[a-zA-Z0-9_-]{5,256}$");
      }
    }
    Set<String> types = null;
    if (body.hasNonNull("update_types")) {
      if (!body.get("update_types").isArray()) {
        throw MaxError.badRequest("update_types must be an array of strings");
      }
      types = new LinkedHashSet<>();
      for (JsonNode type : body.get("update_types")) {
        types.add(type.asText());
      }
    }
    bot.updates.subscribe(
        new UpdateLog.Subscription(url, secret, types, System.currentTimeMillis()));
    return Json.success();
  }

  private static boolean isLoopbackHttp(String url) {
    try {
      URI uri = URI.create(url);
      return "http".equals(uri.getScheme())
          && ("127.0.0.1".equals(uri.getHost()) || "localhost".equals(uri.getHost()));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static ObjectNode unsubscribe(Bot bot, Context ctx) {
    String url = ctx.queryParam("url");
    if (url == null || url.isBlank()) {
      throw MaxError.badRequest("url is required");
    }
    bot.updates.unsubscribe(url);
    return Json.success();
  }

  /** The chat the bot may see: a dialog, or a group it is a member of; else 404. */
  static Chat visibleChat(Bot bot, long chatId) {
    Chat chat = bot.chats.get(chatId);
    if (chat == null || (!chat.isDialog() && !chat.botMember)) {
      throw MaxError.chatNotFound(chatId);
    }
    return chat;
  }

  private static ObjectNode chat(Bot bot, Context ctx) {
    long chatId = chatIdParam(ctx);
    synchronized (bot) {
      return visibleChat(bot, chatId).json(bot.info);
    }
  }

  private static ObjectNode members(Bot bot, Context ctx) {
    long chatId = chatIdParam(ctx);
    int count = intParam(ctx, "count", 20, 1, 100);
    Long marker = longParam(ctx, "marker");
    Set<String> only = list(ctx.queryParam("user_ids"));
    synchronized (bot) {
      Chat chat = visibleChat(bot, chatId);
      List<ObjectNode> all = new ArrayList<>();
      if (chat.isDialog()) {
        all.add(member(chat.dialogUser, chat.lastEventTime, false, false, null));
        all.add(botMember(bot, chat));
      } else {
        chat.members
            .values()
            .forEach(m -> all.add(member(m.user(), m.joinTime(), m.admin(), m.owner(), null)));
        all.add(botMember(bot, chat));
      }
      ObjectNode answer = Json.object();
      ArrayNode members = answer.putArray("members");
      if (only != null) {
        all.stream().filter(m -> only.contains(m.path("user_id").asText())).forEach(members::add);
        answer.putNull("marker");
        return answer;
      }
      // marker = index of the next member, counted from 1 (never 0)
      int from = marker == null ? 0 : (int) Math.max(0, marker - 1);
      int to = Math.min(all.size(), from + count);
      for (int i = from; i < to; i++) {
        members.add(all.get(i));
      }
      if (to < all.size()) {
        answer.put("marker", to + 1);
      } else {
        answer.putNull("marker");
      }
      return answer;
    }
  }

  private static ObjectNode membershipOfBot(Bot bot, Context ctx) {
    long chatId = chatIdParam(ctx);
    synchronized (bot) {
      return botMember(bot, visibleChat(bot, chatId));
    }
  }

  private static ObjectNode leave(Bot bot, Context ctx) {
    long chatId = chatIdParam(ctx);
    synchronized (bot) {
      Chat chat = visibleChat(bot, chatId);
      if (chat.isDialog()) {
        throw MaxError.badRequest("A bot cannot leave a dialog");
      }
      chat.botMember = false;
      chat.botAdmin = false;
      chat.botRights = Set.of();
    }
    return Json.success();
  }

  private static ObjectNode admins(Bot bot, Context ctx) {
    long chatId = chatIdParam(ctx);
    synchronized (bot) {
      Chat chat = visibleChat(bot, chatId);
      ObjectNode answer = Json.object();
      ArrayNode members = answer.putArray("members");
      if (!chat.isDialog()) {
        chat.members.values().stream()
            .filter(Chat.Member::admin)
            .forEach(m -> members.add(member(m.user(), m.joinTime(), true, m.owner(), null)));
        if (chat.botAdmin) {
          members.add(botMember(bot, chat));
        }
      }
      answer.putNull("marker");
      return answer;
    }
  }

  private static ObjectNode action(Bot bot, Context ctx) {
    long chatId = chatIdParam(ctx);
    String action = jsonBody(ctx).path("action").asText("");
    if (!ACTIONS.contains(action)) {
      throw MaxError.badRequest("Unknown action: " + action);
    }
    synchronized (bot) {
      Chat chat = visibleChat(bot, chatId);
      if (chat.isDialog() && chat.botStopped) {
        throw MaxError.dialogSuspended(chatId);
      }
    }
    return Json.success();
  }

  private static ObjectNode member(
      MaxUser user, long joinTime, boolean admin, boolean owner, Set<String> rights) {
    ObjectNode member = user.json(joinTime);
    member.putNull("description");
    member.putNull("avatar_url");
    member.putNull("full_avatar_url");
    member.put("last_access_time", joinTime);
    member.put("is_owner", owner);
    member.put("is_admin", admin);
    member.put("join_time", joinTime);
    if (rights != null) {
      ArrayNode permissions = member.putArray("permissions");
      rights.stream().sorted().forEach(permissions::add);
    } else {
      member.putNull("permissions");
    }
    return member;
  }

  private static ObjectNode botMember(Bot bot, Chat chat) {
    ObjectNode member = bot.info.userJson(chat.botJoinTime);
    member.putNull("description");
    member.put("last_access_time", System.currentTimeMillis());
    member.put("is_owner", false);
    member.put("is_admin", chat.botAdmin);
    member.put("join_time", chat.botJoinTime);
    if (chat.botAdmin) {
      ArrayNode permissions = member.putArray("permissions");
      chat.botRights.stream().sorted().forEach(permissions::add);
    } else {
      member.putNull("permissions");
    }
    return member;
  }
}
