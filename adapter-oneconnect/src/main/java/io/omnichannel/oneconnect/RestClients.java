package io.omnichannel.oneconnect;

import feign.Feign;
import feign.FeignException;
import feign.Logger;
import feign.Request;
import feign.Response;
import feign.RetryableException;
import feign.Retryer;
import feign.Util;
import feign.codec.DecodeException;
import feign.codec.ErrorDecoder;
import feign.http2client.Http2Client;
import feign.jackson.JacksonDecoder;
import feign.jackson.JacksonEncoder;
import io.omnichannel.core.domain.failure.PlatformRejected;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.util.function.Supplier;

/**
 * Builds the Feign clients in one place: the shared JDK HttpClient, Jackson with {@link Wire#JSON}, one error
 * decoder, no retries (the core retries with backoff across restarts), Feign's logger off (it would print the
 * Authorization header at FULL).
 */
final class RestClients {
  private static final int MAX_ERROR_BODY = 8 * 1024;

  final PushApi push;
  final ReceiveApi receive;
  final CompanyOptionsApi companyOptions;
  final PartnerApi partner;

  RestClients(HttpClient http, OneConnectConfig config) {
    String base = config.restBase().toString();
    Request.Options options = new Request.Options(config.connectTimeout(), config.readTimeout(), false);
    this.push = builder(http, options).target(PushApi.class, base);
    this.receive = builder(http, options).target(ReceiveApi.class, base);
    this.companyOptions = builder(http, options).target(CompanyOptionsApi.class, base);
    this.partner = builder(http, options).target(PartnerApi.class, base);
  }

  private static Feign.Builder builder(HttpClient http, Request.Options options) {
    return Feign.builder()
        .client(new Http2Client(http))
        .options(options)
        .encoder(new JacksonEncoder(Wire.JSON))
        .decoder(new JacksonDecoder(Wire.JSON))
        .errorDecoder(new Errors())
        .retryer(Retryer.NEVER_RETRY)
        .logLevel(Logger.Level.NONE);
  }

  /**
   * Runs one call and translates what Feign throws besides the error decoder's failures: no answer →
   * retryable unavailable; an unreadable answer → rejected. Never passes Feign's exception on (its request
   * carries the Authorization header).
   */
  static <T> T call(String operation, Supplier<T> call) {
    try {
      return call.get();
    } catch (RetryableException noAnswer) {
      Throwable cause = noAnswer.getCause();
      throw PlatformErrors.unreachable(operation,
          cause instanceof IOException io ? io : new IOException(noAnswer.getClass().getSimpleName()));
    } catch (DecodeException unreadable) {
      throw new PlatformRejected(operation, "unreadable answer");
    } catch (FeignException other) {
      throw PlatformErrors.of(operation, other.status(), new byte[0]);
    }
  }

  static void run(String operation, Runnable call) {
    call(operation, () -> {
      call.run();
      return null;
    });
  }

  /** Status and error body → the core's failure, named "PushApi.sendMessage" and the like. */
  private static final class Errors implements ErrorDecoder {
    @Override
    public Exception decode(String methodKey, Response response) {
      return PlatformErrors.of(operation(methodKey), response.status(), body(response));
    }

    private static String operation(String methodKey) {
      int paren = methodKey.indexOf('(');
      return (paren < 0 ? methodKey : methodKey.substring(0, paren)).replace('#', '.');
    }

    private static byte[] body(Response response) {
      if (response.body() == null) {
        return new byte[0];
      }
      try (InputStream in = response.body().asInputStream()) {
        return in.readNBytes(MAX_ERROR_BODY);
      } catch (IOException unreadable) {
        return new byte[0];
      } finally {
        Util.ensureClosed(response.body());
      }
    }
  }
}
