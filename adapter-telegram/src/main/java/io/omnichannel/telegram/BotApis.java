package io.omnichannel.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Feign;
import feign.Request;
import feign.Response;
import feign.Retryer;
import feign.Util;
import feign.codec.ErrorDecoder;
import feign.jackson.JacksonDecoder;
import feign.jackson.JacksonEncoder;
import io.omnichannel.core.domain.BotToken;
import io.omnichannel.core.domain.failure.ChannelFailure;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * One Feign client per bot token, all built the same way: Jackson codec, no retries (the core
 * retries with its own policy), and the single error decoder. Every call goes through {@link #call}
 * so that nothing Feign throws (its messages carry the URL, hence the token) leaves the adapter.
 */
final class BotApis {
  private final URI base;
  private final ObjectMapper json;
  private final Request.Options options;
  private final Map<String, BotApi> clients = new ConcurrentHashMap<>();

  BotApis(URI base, ObjectMapper json, TelegramConfig.Timeouts timeouts) {
    this.base = base;
    this.json = json;
    this.options =
        new Request.Options(
            timeouts.connect().toMillis(),
            TimeUnit.MILLISECONDS,
            timeouts.request().toMillis(),
            TimeUnit.MILLISECONDS,
            true);
  }

  <T> T call(BotToken token, String method, Function<BotApi, T> call) {
    try {
      return call.apply(clients.computeIfAbsent(token.reveal(), this::build));
    } catch (ChannelFailure failure) {
      throw failure;
    } catch (RuntimeException e) {
      throw ApiErrors.io(method, e);
    }
  }

  void forget(BotToken token) {
    clients.remove(token.reveal());
  }

  private BotApi build(String token) {
    String root = base.toString().replaceAll("/+$", "");
    return Feign.builder()
        .encoder(new JacksonEncoder(json))
        .decoder(new JacksonDecoder(json))
        .errorDecoder(new TelegramErrorDecoder(json))
        .retryer(Retryer.NEVER_RETRY)
        .options(options)
        .target(BotApi.class, root + "/bot" + token);
  }

  /** {@code {"ok":false,…}} with any non-2xx status → the core's typed failure. */
  static final class TelegramErrorDecoder implements ErrorDecoder {
    private final ObjectMapper json;

    TelegramErrorDecoder(ObjectMapper json) {
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
      return ApiErrors.decode(methodName(methodKey), response.status(), body, json);
    }

    /** {@code BotApi#getMe()} → {@code getMe}. */
    private static String methodName(String methodKey) {
      int hash = methodKey.indexOf('#');
      int paren = methodKey.indexOf('(');
      return hash >= 0 && paren > hash ? methodKey.substring(hash + 1, paren) : methodKey;
    }
  }
}
