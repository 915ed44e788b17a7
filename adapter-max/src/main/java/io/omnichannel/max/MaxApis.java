package io.omnichannel.max;

import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Client;
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
import java.net.URI;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.net.ssl.SSLContext;

/**
 * One Feign client per bot token, all built the same way: Jackson codec, the token as the bare
 * {@code Authorization} header (no {@code Bearer}, never a query parameter), no retries (the core
 * retries with its own policy), the SSL context of the configured trust store, and the single error
 * decoder. Every call goes through {@link #call} so that nothing Feign throws leaves the adapter
 * unredacted.
 */
final class MaxApis {
  private final URI base;
  private final ObjectMapper json;
  private final Request.Options options;
  private final Client client;
  private final Map<String, MaxApi> clients = new ConcurrentHashMap<>();

  MaxApis(URI base, ObjectMapper json, MaxConfig.Timeouts timeouts, SSLContext ssl) {
    this.base = base;
    this.json = json;
    this.options =
        new Request.Options(
            timeouts.connect().toMillis(),
            TimeUnit.MILLISECONDS,
            timeouts.request().toMillis(),
            TimeUnit.MILLISECONDS,
            false);
    this.client = new Client.Default(ssl.getSocketFactory(), null);
  }

  <T> T call(String token, String method, Function<MaxApi, T> call) {
    try {
      return call.apply(clients.computeIfAbsent(token, this::build));
    } catch (ChannelFailure failure) {
      throw failure;
    } catch (RuntimeException e) {
      throw MaxErrors.io(method, new RuntimeException(Redaction.redact(e.getMessage(), token)));
    }
  }

  void forget(String token) {
    clients.remove(token);
  }

  private MaxApi build(String token) {
    String root = base.toString().replaceAll("/+$", "");
    return Feign.builder()
        .client(client)
        .encoder(new JacksonEncoder(json))
        .decoder(new JacksonDecoder(json))
        .errorDecoder(new MaxErrorDecoder(json))
        .requestInterceptor(template -> template.header("Authorization", token))
        .retryer(Retryer.NEVER_RETRY)
        .options(options)
        .target(MaxApi.class, root);
  }

  /** Any non-2xx status with MAX's error body → the core's typed failure. */
  static final class MaxErrorDecoder implements ErrorDecoder {
    private final ObjectMapper json;

    MaxErrorDecoder(ObjectMapper json) {
      this.json = json;
    }

    @Override
    public Exception decode(String methodKey, Response response) {
      byte[] body = new byte[0];
      try {
        if (response.body() != null) {
          body = Util.toByteArray(response.body().asInputStream());
        }
      } catch (IOException unreadable) {
        // the status alone still decides
      }
      Collection<String> retryAfter =
          response.headers().entrySet().stream()
              .filter(header -> "retry-after".equalsIgnoreCase(header.getKey()))
              .map(Map.Entry::getValue)
              .findFirst()
              .orElse(java.util.List.of());
      return MaxErrors.decode(
          methodName(methodKey), response.status(), retryAfter.stream().findFirst(), body, json);
    }

    /** {@code MaxApi#me()} → {@code me}. */
    static String methodName(String methodKey) {
      int hash = methodKey.indexOf('#');
      int paren = methodKey.indexOf('(');
      return hash >= 0 && paren > hash ? methodKey.substring(hash + 1, paren) : methodKey;
    }
  }
}
