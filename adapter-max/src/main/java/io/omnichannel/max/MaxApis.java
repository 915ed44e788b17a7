package io.omnichannel.max;

import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Client;
import io.omnichannel.messenger.support.FeignClients;
import io.omnichannel.messenger.support.HttpExchanges;
import java.net.URI;
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
  private final FeignClients<MaxApi> clients;

  MaxApis(URI base, ObjectMapper json, MaxConfig.Timeouts timeouts, SSLContext ssl) {
    String root = HttpExchanges.root(base);
    Client client = new Client.Default(ssl.getSocketFactory(), null);
    this.clients =
        new FeignClients<>(
            token ->
                FeignClients.builder(
                        json, timeouts.connect(), timeouts.request(), false, refusals(json))
                    .client(client)
                    .requestInterceptor(template -> template.header("Authorization", token))
                    .target(MaxApi.class, root),
            (method, token, failure) ->
                MaxErrors.io(
                    method, new RuntimeException(Redaction.redact(failure.getMessage(), token))));
  }

  /** Any non-2xx status with MAX's error body → the core's typed failure. */
  static FeignClients.Refusals refusals(ObjectMapper json) {
    return (method, status, retryAfter, body) ->
        MaxErrors.decode(method, status, retryAfter, body, json);
  }

  <T> T call(String token, String method, Function<MaxApi, T> call) {
    return clients.call(token, method, call);
  }

  void forget(String token) {
    clients.forget(token);
  }
}
