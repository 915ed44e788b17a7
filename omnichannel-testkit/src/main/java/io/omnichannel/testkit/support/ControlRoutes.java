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
import java.util.function.IntFunction;
import java.util.function.LongSupplier;

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

  /**
   * {@code ?count=N&timeout_ms=T}: answers what {@code reached} completes with once N messages were
   * sent, else (asynchronously) 408 {@code {"error":"expected N messages, got M"}}.
   */
  public static <T> void awaitSent(
      Context ctx,
      IntFunction<CompletableFuture<List<T>>> reached,
      LongSupplier sentCount,
      ObjectMapper mapper) {
    int count = Integer.parseInt(ctx.queryParamAsClass("count", String.class).getOrDefault("0"));
    long timeoutMillis =
        Long.parseLong(ctx.queryParamAsClass("timeout_ms", String.class).getOrDefault("0"));
    CompletableFuture<List<T>> sent =
        reached.apply(count).orTimeout(Math.max(1, timeoutMillis), TimeUnit.MILLISECONDS);
    ctx.future(
        () ->
            sent.handle(
                (messages, timedOut) -> {
                  if (timedOut != null) {
                    ctx.status(408)
                        .json(
                            error("expected " + count + " messages, got " + sentCount.getAsLong()));
                  } else {
                    ctx.json(mapper.valueToTree(messages));
                  }
                  return null;
                }));
  }

  /** {@code POST <root>/bots/{token}/revoke} → {@code {"revoked":true}}. */
  public static void revoke(Javalin app, String root, Consumer<String> revokeToken) {
    app.post(
        root + "/bots/{token}/revoke",
        guarded(
            ctx -> {
              revokeToken.accept(ctx.pathParam("token"));
              ctx.json(MAPPER.createObjectNode().put("revoked", true));
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
