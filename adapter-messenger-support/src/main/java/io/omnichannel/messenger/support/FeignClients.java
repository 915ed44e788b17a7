package io.omnichannel.messenger.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Feign;
import feign.Request;
import feign.Response;
import feign.Retryer;
import feign.Util;
import feign.codec.ErrorDecoder;
import feign.jackson.JacksonDecoder;
import feign.jackson.JacksonEncoder;
import io.omnichannel.core.domain.failure.ChannelFailure;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * One Feign client per bot token, built by the adapter, and called so that nothing Feign throws
 * (its messages may carry the URL, hence a token) leaves the adapter but as its own channel
 * failure.
 *
 * @param <A> the messenger's Feign interface
 */
public final class FeignClients<A> {
  private final Function<String, A> build;
  private final Failures failures;
  private final Map<String, A> clients = new ConcurrentHashMap<>();

  /** How an adapter names a call that failed in Feign (not by the messenger's refusal). */
  @FunctionalInterface
  public interface Failures {
    ChannelFailure io(String method, String token, RuntimeException cause);
  }

  /** How an adapter reads its messenger's refusal. */
  @FunctionalInterface
  public interface Refusals {
    ChannelFailure decode(String method, int status, Optional<String> retryAfter, byte[] body);
  }

  /**
   * @param build makes the client of one token
   */
  public FeignClients(Function<String, A> build, Failures failures) {
    this.build = Objects.requireNonNull(build, "build");
    this.failures = Objects.requireNonNull(failures, "failures");
  }

  public <T> T call(String token, String method, Function<A, T> call) {
    try {
      return call.apply(client(token));
    } catch (ChannelFailure failure) {
      throw failure;
    } catch (RuntimeException e) {
      throw failures.io(method, token, e);
    }
  }

  /**
   * The token's client, built outside the map's lock: building one takes tens of milliseconds the
   * first time in a JVM, and {@code computeIfAbsent} would hold every other token of its bin that
   * long. Two threads may both build it the first time; one client stays.
   */
  private A client(String token) {
    A client = clients.get(token);
    if (client != null) {
      return client;
    }
    A built = build.apply(token);
    A raced = clients.putIfAbsent(token, built);
    return raced != null ? raced : built;
  }

  public void forget(String token) {
    clients.remove(token);
  }

  /**
   * A builder as every messenger client is built: Jackson both ways, no retries (the core retries
   * with its own policy), the given timeouts, refusals read by the adapter.
   */
  public static Feign.Builder builder(
      ObjectMapper json,
      Duration connect,
      Duration read,
      boolean followRedirects,
      Refusals refusals) {
    return Feign.builder()
        .encoder(new JacksonEncoder(json))
        .decoder(new JacksonDecoder(json))
        .errorDecoder(errorDecoder(refusals))
        .retryer(Retryer.NEVER_RETRY)
        .options(
            new Request.Options(
                connect.toMillis(),
                TimeUnit.MILLISECONDS,
                read.toMillis(),
                TimeUnit.MILLISECONDS,
                followRedirects));
  }

  /** Any non-2xx answer → the adapter's reading of it, by method name, status and body. */
  public static ErrorDecoder errorDecoder(Refusals refusals) {
    return (methodKey, response) ->
        refusals.decode(
            methodName(methodKey), response.status(), retryAfter(response), body(response));
  }

  /** {@code BotApi#getMe()} → {@code getMe}. */
  static String methodName(String methodKey) {
    int hash = methodKey.indexOf('#');
    int paren = methodKey.indexOf('(');
    return hash >= 0 && paren > hash ? methodKey.substring(hash + 1, paren) : methodKey;
  }

  private static Optional<String> retryAfter(Response response) {
    return response.headers().entrySet().stream()
        .filter(header -> "retry-after".equalsIgnoreCase(header.getKey()))
        .flatMap(header -> header.getValue().stream())
        .findFirst();
  }

  private static byte[] body(Response response) {
    try {
      if (response.body() != null) {
        return Util.toByteArray(response.body().asInputStream());
      }
    } catch (IOException unreadable) {
      // the status alone still decides
    }
    return new byte[0];
  }
}
