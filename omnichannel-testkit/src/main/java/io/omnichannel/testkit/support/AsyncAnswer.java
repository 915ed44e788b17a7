package io.omnichannel.testkit.support;

import io.javalin.http.Context;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** Answers that may come later (long polls, delays) without holding a server thread meanwhile. */
public final class AsyncAnswer {
  private AsyncAnswer() {}

  /** Writes the answer at once when it is there, else when it completes. */
  public static <T> void write(
      Context ctx, CompletableFuture<T> answer, Consumer<CompletableFuture<T>> writer) {
    if (answer.isDone()) {
      writer.accept(answer);
    } else {
      ctx.future(
          () ->
              answer.handle(
                  (value, error) -> {
                    writer.accept(answer);
                    return null;
                  }));
    }
  }

  /** What a failed answer failed with, out of its completion wrapper. */
  public static Throwable cause(RuntimeException failed) {
    return failed.getCause() != null ? failed.getCause() : failed;
  }
}
