package io.omnichannel.testkit.support;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** A webhook POST as the emulators make it: asynchronous, so no thread waits on a slow hook. */
public final class WebhookPost {
  private WebhookPost() {}

  /**
   * What came of a POST: the status (0 when no answer came) and, only then, why (as the messenger
   * would say it).
   */
  public record Outcome(int status, String failure) {}

  /** POSTs the JSON body, with the secret header when there is a secret. */
  public static CompletableFuture<Outcome> send(
      HttpClient http,
      String url,
      Duration timeout,
      String contentType,
      String body,
      String secretHeader,
      String secret) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(timeout)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (secret != null) {
      request.header(secretHeader, secret);
    }
    return http.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding())
        .handle(
            (response, failure) ->
                failure != null
                    ? new Outcome(0, describe(failure))
                    : new Outcome(response.statusCode(), null));
  }

  /** Runs the task after the wait, unless the emulator is closing. */
  public static void later(ScheduledExecutorService scheduler, Duration wait, Runnable task) {
    try {
      scheduler.schedule(task, wait.toNanos(), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException closing) {
      // the emulator is closing: nothing more to deliver
    }
  }

  private static String describe(Throwable failure) {
    Throwable cause =
        failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    if (cause instanceof HttpTimeoutException) {
      return "Read timeout expired";
    }
    if (cause instanceof ConnectException) {
      return "Connection refused";
    }
    return "Connection error: " + cause.getClass().getSimpleName();
  }
}
