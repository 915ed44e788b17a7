package io.omnichannel.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnichannel.core.domain.BotToken;
import io.omnichannel.messenger.support.FeignClients;
import io.omnichannel.messenger.support.HttpExchanges;
import java.net.URI;
import java.util.function.Function;

/**
 * One Feign client per bot token, all built the same way ({@link FeignClients#builder}), the token
 * in the URL. Every call goes through {@link #call} so that nothing Feign throws (its messages
 * carry the URL, hence the token) leaves the adapter.
 */
final class BotApis {
  private final FeignClients<BotApi> clients;

  BotApis(URI base, ObjectMapper json, TelegramConfig.Timeouts timeouts) {
    String root = HttpExchanges.root(base);
    this.clients =
        new FeignClients<>(
            token ->
                FeignClients.builder(
                        json,
                        timeouts.connect(),
                        timeouts.request(),
                        true,
                        (method, status, retryAfter, body) ->
                            ApiErrors.decode(method, status, body, json))
                    .target(BotApi.class, root + "/bot" + token),
            (method, token, failure) -> ApiErrors.io(method, failure));
  }

  <T> T call(BotToken token, String method, Function<BotApi, T> call) {
    return clients.call(token.reveal(), method, call);
  }

  void forget(BotToken token) {
    clients.forget(token.reveal());
  }
}
