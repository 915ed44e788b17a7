package io.omnichannel.testkit.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The plumbing of a Bot API emulator's HTTP control API: plain JSON in and out, a refused request
 * is 400 {@code {"error":…}}.
 */
public final class ControlRoutes {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ControlRoutes() {}

  /** The request's JSON body: {@code {}} when empty; garbage is refused. */
  public static JsonNode body(Context ctx) {
    String body = ctx.body();
    if (body.isBlank()) {
      return MAPPER.createObjectNode();
    }
    try {
      return MAPPER.readTree(body);
    } catch (IOException e) {
      throw new IllegalArgumentException("body is not JSON");
    }
  }

  /**
   * Answers 400 {@code {"error":<message>}} when the handler refuses the request: {@link
   * IllegalArgumentException}, {@link IllegalStateException} or one of {@code refusals}.
   */
  @SafeVarargs
  public static Handler guarded(Handler handler, Class<? extends Exception>... refusals) {
    return ctx -> {
      try {
        handler.handle(ctx);
      } catch (IllegalArgumentException | IllegalStateException bad) {
        refuse(ctx, bad);
      } catch (Exception other) {
        for (Class<? extends Exception> refusal : refusals) {
          if (refusal.isInstance(other)) {
            refuse(ctx, other);
            return;
          }
        }
        throw other;
      }
    };
  }

  private static void refuse(Context ctx, Exception bad) {
    ctx.status(400).json(error(String.valueOf(bad.getMessage())));
  }

  /** Makes a bot: with the token given, or a generated one when it is null. */
  public interface BotMaker {
    Object make(String token, String name, String username);
  }

  /** Completes with the messages the bot sent to the chat once there are {@code count}. */
  public interface SentFuture<T> {
    CompletableFuture<List<T>> reached(String token, long chatId, int count);
  }

  /** How many messages the bot ever sent to the chat. */
  public interface SentCount {
    long of(String token, long chatId);
  }

  /**
   * {@code POST <root>/bots} {@code {<nameField>, "username", "token"?}} → 201 the bot, and {@code
   * POST <root>/bots/{token}/revoke} → {@code {"revoked":true}}.
   */
  public static void bots(
      Javalin app,
      String root,
      String nameField,
      BotMaker maker,
      Consumer<String> revokeToken,
      ObjectMapper mapper) {
    app.post(
        root + "/bots",
        guarded(
            ctx -> {
              JsonNode body = body(ctx);
              Object bot =
                  maker.make(
                      body.hasNonNull("token") ? body.get("token").asText() : null,
                      body.path(nameField).asText("Test Bot"),
                      body.path("username").asText("test_bot"));
              ctx.status(201).json(mapper.valueToTree(bot));
            }));
    app.post(
        root + "/bots/{token}/revoke",
        guarded(
            ctx -> {
              revokeToken.accept(ctx.pathParam("token"));
              ctx.json(MAPPER.createObjectNode().put("revoked", true));
            }));
  }

  /**
   * {@code GET <root>/bots/{token}/chats/{chatId}/sent?count=N&timeout_ms=T}: the messages once N
   * were sent, else (asynchronously, no thread held) 408 {@code {"error":"expected N messages, got
   * M"}}.
   */
  public static <T> void sent(
      Javalin app, String root, SentFuture<T> reached, SentCount sentCount, ObjectMapper mapper) {
    app.get(
        root + "/bots/{token}/chats/{chatId}/sent",
        guarded(ctx -> awaitSent(ctx, reached, sentCount, mapper)));
  }

  private static <T> void awaitSent(
      Context ctx, SentFuture<T> reached, SentCount sentCount, ObjectMapper mapper) {
    String token = ctx.pathParam("token");
    long chatId = Long.parseLong(ctx.pathParam("chatId"));
    int count = Integer.parseInt(ctx.queryParamAsClass("count", String.class).getOrDefault("0"));
    long timeoutMillis =
        Long.parseLong(ctx.queryParamAsClass("timeout_ms", String.class).getOrDefault("0"));
    CompletableFuture<List<T>> sent =
        reached
            .reached(token, chatId, count)
            .orTimeout(Math.max(1, timeoutMillis), TimeUnit.MILLISECONDS);
    ctx.future(
        () ->
            sent.handle(
                (messages, timedOut) -> {
                  if (timedOut != null) {
                    ctx.status(408)
                        .json(
                            error(
                                "expected "
                                    + count
                                    + " messages, got "
                                    + sentCount.of(token, chatId)));
                  } else {
                    ctx.json(mapper.valueToTree(messages));
                  }
                  return null;
                }));
  }

  /**
   * {@code POST <root>/failures/next} ({@code {"token", <callField>, …}}: the next such call
   * fails), {@code /failures/outage} ({@code {…, "duration_ms"}}: every call fails a while), {@code
   * /failures/delay} ({@code {"delay_ms"}}) and {@code DELETE <root>/failures}; each answers {@code
   * {"ok":true}}. The emulator reads its error from the body.
   */
  public static <E> void failures(
      Javalin app,
      String root,
      FailureInjector<E> failures,
      String callField,
      Function<JsonNode, E> nextError,
      Function<JsonNode, E> outageError) {
    app.post(
        root + "/failures/next",
        guarded(
            ctx -> {
              JsonNode body = body(ctx);
              failures.failNext(
                  body.path("token").asText(),
                  body.path(callField).asText(FailureInjector.ANY),
                  nextError.apply(body));
              ok(ctx);
            }));
    app.post(
        root + "/failures/outage",
        guarded(
            ctx -> {
              JsonNode body = body(ctx);
              failures.outage(
                  outageError.apply(body),
                  Duration.ofMillis(body.path("duration_ms").asLong(1000)));
              ok(ctx);
            }));
    app.post(
        root + "/failures/delay",
        guarded(
            ctx -> {
              failures.delay(Duration.ofMillis(body(ctx).path("delay_ms").asLong(0)));
              ok(ctx);
            }));
    app.delete(
        root + "/failures",
        guarded(
            ctx -> {
              failures.reset();
              ok(ctx);
            }));
  }

  private static void ok(Context ctx) {
    ctx.json(MAPPER.createObjectNode().put("ok", true));
  }

  private static ObjectNode error(String message) {
    return MAPPER.createObjectNode().put("error", message);
  }
}
