package io.omnichannel.oneconnect;

import io.omnichannel.core.domain.ApiAccount;
import io.omnichannel.core.domain.failure.PlatformRejected;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts one PartnerWebAPI2 operation (the standard SOAP 1.2 form: {@code application/soap+xml} with the
 * {@code action} parameter) with the API account's Basic auth, and answers its {@code ResultData}. A result
 * code other than {@code SUCCESS} is a {@link PlatformRejected} naming the operation and code; a Fault is a
 * {@link SoapFaultFailure}; 401 and 5xx without a Fault map as on the push API.
 */
final class SoapClient {
  private static final Logger LOG = LoggerFactory.getLogger(SoapClient.class);

  private final HttpClient http;
  private final URI url;
  private final Duration timeout;

  SoapClient(HttpClient http, URI url, Duration timeout) {
    this.http = http;
    this.url = url;
    this.timeout = timeout;
  }

  Object call(ApiAccount account, String operation, Map<String, Object> params) {
    HttpRequest request = HttpRequest.newBuilder(url)
        .timeout(timeout)
        .header("Authorization", BasicAuth.header(account))
        .header("Content-Type", "application/soap+xml; charset=utf-8; action=\"" + SoapNames.ACTION_PREFIX
            + operation + "\"")
        .POST(HttpRequest.BodyPublishers.ofByteArray(SoapCodec.request(operation, params)))
        .build();
    HttpResponse<byte[]> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw PlatformErrors.unreachable(operation, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw PlatformErrors.unreachable(operation, new IOException("interrupted"));
    }
    int status = response.statusCode();
    boolean soapBody = response.headers().firstValue("Content-Type")
        .map(type -> type.contains("xml")).orElse(false) && response.body().length > 0;
    if (status != 200 && !(status >= 400 && soapBody && status != 401)) {
      throw PlatformErrors.of(operation, status, new byte[0]);
    }
    SoapCodec.Answer answer = SoapCodec.answer(operation, response.body());
    if (!SoapNames.SUCCESS.equals(answer.code())) {
      LOG.warn("PartnerWebAPI2 {} as {} answered {}: {}", operation, account.login(), answer.code(), answer.message());
      throw new PlatformRejected(operation, answer.code());
    }
    return answer.data();
  }
}
