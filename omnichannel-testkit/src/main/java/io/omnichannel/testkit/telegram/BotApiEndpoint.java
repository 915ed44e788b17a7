package io.omnichannel.testkit.telegram;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.omnichannel.testkit.support.AsyncAnswer;
import io.omnichannel.testkit.support.FailureInjector;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code /bot<token>/<method>}: injected failures, auth, parameters, the method, the envelope. */
final class BotApiEndpoint {
  private static final Logger LOG = LoggerFactory.getLogger(BotApiEndpoint.class);

  private final BotRegistry bots;
  private final BotApiMethods methods;
  private final RequestParser parser;
  private final FailureInjector<ApiError> failures;
  private final ScheduledExecutorService scheduler;

  BotApiEndpoint(
      BotRegistry bots,
      BotApiMethods methods,
      RequestParser parser,
      FailureInjector<ApiError> failures,
      ScheduledExecutorService scheduler) {
    this.bots = bots;
    this.methods = methods;
    this.parser = parser;
    this.failures = failures;
    this.scheduler = scheduler;
  }

  void handle(Context ctx) {
    CompletableFuture<Answer> answer;
    try {
      answer = call(ctx, ctx.pathParam("bot"), ctx.pathParam("method"));
    } catch (RuntimeException error) {
      answer = CompletableFuture.failedFuture(error);
    }
    AsyncAnswer.write(ctx, failures.delayed(answer, scheduler), done -> write(ctx, done));
  }

  private CompletableFuture<Answer> call(Context ctx, String botSegment, String methodName) {
    if (!botSegment.startsWith("bot")) {
      throw ApiError.notFound();
    }
    String token = botSegment.substring(3);
    ApiError injected = failures.failureFor(token, methodName);
    if (injected != null) {
      throw injected;
    }
    Bot bot = bots.authorized(token);
    BotApiMethods.Method method = methods.find(methodName);
    if (method == null) {
      throw ApiError.notFound();
    }
    return method.call(bot, parser.parse(ctx));
  }

  private static void write(Context ctx, CompletableFuture<Answer> done) {
    try {
      Answer answer = done.join();
      ObjectNode envelope = Json.ok(answer.result());
      if (answer.description() != null) {
        envelope.put("description", answer.description());
      }
      ctx.status(200).contentType("application/json").result(Json.write(envelope));
    } catch (CompletionException | java.util.concurrent.CancellationException failed) {
      Throwable cause = AsyncAnswer.cause(failed);
      ApiError error = cause instanceof ApiError apiError ? apiError : internal(cause);
      ctx.status(error.code).contentType("application/json").result(Json.write(Json.error(error)));
    }
  }

  private static ApiError internal(Throwable cause) {
    LOG.warn("emulator bug answering a Bot API call", cause);
    return ApiError.of(500, "Internal Server Error");
  }
}
