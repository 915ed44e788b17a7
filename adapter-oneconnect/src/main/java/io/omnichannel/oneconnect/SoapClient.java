package io.omnichannel.oneconnect;

import io.omnichannel.core.domain.ApiAccount;
import io.omnichannel.core.domain.failure.PlatformRejected;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts one PartnerWebAPI2 operation (the standard SOAP 1.2 form: {@code application/soap+xml} with
 * the {@code action} parameter) with the API account's Basic auth, and answers its {@code
 * ResultData}. A result code other than {@code SUCCESS} is a {@link PlatformRejected} naming the
 * operation and code; a Fault is a {@link SoapFaultFailure}; 401 and 5xx without a Fault map as on
 * the push API.
 */
final class SoapClient {
  private static final Logger LOG = LoggerFactory.getLogger(SoapClient.class);

  private final HttpClient http;
  private final URI url;
  private final Duration timeout;
  private final OneConnectConfig.SoapVersion version;

  SoapClient(HttpClient http, URI url, Duration timeout, OneConnectConfig.SoapVersion version) {
    this.http = http;
    this.url = url;
    this.timeout = timeout;
    this.version = version;
  }

  Object call(ApiAccount account, String operation, Map<String, Object> params) {
    HttpRequest request =
        SoapEnvelopes.headers(
                HttpRequest.newBuilder(url)
                    .timeout(timeout)
                    .header("Authorization", BasicAuth.header(account)),
                version,
                operation)
            .POST(
                HttpRequest.BodyPublishers.ofByteArray(
                    SoapCodec.request(version, operation, params)))
            .build();
    HttpResponse<byte[]> response =
        PlatformErrors.send(http, request, HttpResponse.BodyHandlers.ofByteArray(), operation);
    if (response.statusCode() != 200 && !carriesFault(response)) {
      throw PlatformErrors.of(operation, response.statusCode(), new byte[0]);
    }
    SoapCodec.Answer answer = SoapCodec.answer(operation, response.body());
    if (!SoapNames.SUCCESS.equals(answer.code())) {
      LOG.warn(
          "PartnerWebAPI2 {} as {} answered {}: {}",
          operation,
          account.login(),
          answer.code(),
          answer.message());
      throw new PlatformRejected(operation, answer.code());
    }
    return answer.data();
  }

  /**
   * SOAP answers a Fault with a 4xx/5xx status and an XML body; 401 is the HTTP layer's own
   * refusal.
   */
  private static boolean carriesFault(HttpResponse<byte[]> response) {
    boolean xml =
        response
            .headers()
            .firstValue("Content-Type")
            .map(type -> type.contains("xml"))
            .orElse(false);
    return response.statusCode() >= 400
        && response.statusCode() != 401
        && xml
        && response.body().length > 0;
  }
}
