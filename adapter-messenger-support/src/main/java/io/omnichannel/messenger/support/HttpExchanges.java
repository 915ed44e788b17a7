package io.omnichannel.messenger.support;

import io.omnichannel.core.domain.failure.ChannelFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import javax.net.ssl.SSLContext;

/**
 * The calls Feign cannot make well, on the JDK {@link HttpClient}: long polls as {@code sendAsync}
 * (a waiting poll holds a socket, not a thread, and cancelling the future aborts it), streamed
 * uploads and downloads. HTTP/1.1, no redirects followed; whatever goes wrong on the way becomes
 * the adapter's own channel failure.
 */
public final class HttpExchanges {
  private final HttpClient http;
  private final Failures failures;

  /** How an adapter names a call that did not get through. */
  @FunctionalInterface
  public interface Failures {
    ChannelFailure io(String method, Throwable cause);
  }

  /** Reads a whole answer; may throw the adapter's channel failures. */
  @FunctionalInterface
  public interface Reader<R> {
    R read(HttpResponse<byte[]> response) throws IOException;
  }

  /**
   * @param ssl the trusted roots to check the server by; empty for the JDK's
   */
  public HttpExchanges(
      ExecutorService executor, Duration connect, Optional<SSLContext> ssl, Failures failures) {
    this.failures = Objects.requireNonNull(failures, "failures");
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            .executor(executor)
            .connectTimeout(connect)
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER);
    ssl.ifPresent(builder::sslContext);
    this.http = builder.build();
  }

  /** The base URL without its trailing slashes, to append paths to. */
  public static String root(URI base) {
    return base.toString().replaceAll("/+$", "");
  }

  /**
   * Sends asynchronously and reads the answer; cancelling the result aborts the exchange too (a
   * stop or a disconnect does not wait for a long poll to end).
   */
  public <R> CompletableFuture<R> sendAsync(String method, HttpRequest request, Reader<R> reader) {
    CompletableFuture<HttpResponse<byte[]>> sent =
        http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
    CompletableFuture<R> result =
        sent.handle(
            (response, error) -> {
              if (error != null) {
                throw failures.io(method, error);
              }
              try {
                return reader.read(response);
              } catch (IOException e) {
                throw failures.io(method, e);
              }
            });
    result.whenComplete(
        (ignored, error) -> {
          if (result.isCancelled()) {
            sent.cancel(true);
          }
        });
    return result;
  }

  /** Sends and waits; a call that did not get through fails as the adapter's channel failure. */
  public <T> HttpResponse<T> send(
      String method, HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    try {
      return http.send(request, handler);
    } catch (IOException e) {
      throw failures.io(method, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failures.io(method, e);
    } catch (UncheckedIOException e) {
      throw failures.io(method, e.getCause());
    }
  }
}
