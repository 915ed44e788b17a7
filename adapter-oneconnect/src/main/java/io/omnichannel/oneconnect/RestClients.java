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
 * Builds the Feign clients in one place: the shared JDK HttpClient, Jackson with {@link Wire#JSON},
 * one error decoder, no retries (the core retries with backoff across restarts), Feign's logger off
 * (it would print the Authorization header at FULL).
 */
final class RestClients {
  private static final int MAX_ERROR_BODY = 8 * 1024;

  final PushApi push;
  final ReceiveApi receive;
  final PartnerApi partner;

  RestClients(HttpClient http, OneConnectConfig config) {
    this.push = target(http, config, PushApi.class);
    this.receive = target(http, config, ReceiveApi.class);
    this.partner = target(http, config, PartnerApi.class);
  }

  /** A Feign client of {@code api} at the push API's origin; redirects are never followed. */
  static <T> T target(HttpClient http, OneConnectConfig config, Class<T> api) {
    Request.Options options =
        new Request.Options(config.connectTimeout(), config.readTimeout(), false);
    return builder(http, options).target(api, config.restBase().toString());
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
   * Runs one call and translates what Feign throws besides the error decoder's failures: no answer
   * → retryable unavailable; an unreadable answer → rejected. Never passes Feign's exception on
   * (its request carries the Authorization header).
   */
  static <T> T call(String operation, Supplier<T> call) {
    try {
      return call.get();
    } catch (Refusal refusal) {
      throw PlatformErrors.of(operation, refusal.status, refusal.body);
    } catch (RetryableException noAnswer) {
      Throwable cause = noAnswer.getCause();
      throw PlatformErrors.unreachable(
          operation,
          cause instanceof IOException io
              ? io
              : new IOException(noAnswer.getClass().getSimpleName()));
    } catch (DecodeException unreadable) {
      throw new PlatformRejected(operation, "unreadable answer");
    } catch (FeignException other) {
      throw PlatformErrors.of(operation, other.status(), new byte[0]);
    }
  }

  static void run(String operation, Runnable call) {
    call(
        operation,
        () -> {
          call.run();
          return null;
        });
  }

  /**
   * A refused call's status and error body, carried out of Feign to {@link #call}, which names the
   * operation.
   */
  static final class Refusal extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int status;
    final transient byte[] body;

    Refusal(int status, byte[] body) {
      super("HTTP " + status, null, false, false);
      this.status = status;
      this.body = body;
    }
  }

  private static final class Errors implements ErrorDecoder {
    @Override
    public Exception decode(String methodKey, Response response) {
      return new Refusal(response.status(), body(response));
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
