package io.omnichannel.testkit.oneconnect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * A small HTTP client for tests: Basic auth, JSON, multipart and SOAP bodies, no redirects
 * followed.
 */
final class Http {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private final String baseUrl;
  private final String authorization;

  private Http(String baseUrl, String authorization) {
    this.baseUrl = baseUrl;
    this.authorization = authorization;
  }

  static Http to(String baseUrl) {
    return new Http(baseUrl, null);
  }

  Http as(String login, String password) {
    String pair = login + ":" + password;
    return new Http(
        baseUrl,
        "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
  }

  HttpResponse<String> get(String path) {
    return send(request(path).GET());
  }

  HttpResponse<byte[]> getBytes(String path) {
    try {
      return CLIENT.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  HttpResponse<String> delete(String path) {
    return send(request(path).DELETE());
  }

  HttpResponse<String> postJson(String path, String json) {
    return post(path, "application/json", json.getBytes(StandardCharsets.UTF_8));
  }

  HttpResponse<String> post(String path, String contentType, byte[] body) {
    return send(
        request(path)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  HttpResponse<String> post(String path, MultipartBody body) {
    return post(path, body.contentType(), body.bytes());
  }

  /**
   * A SOAP call in the given style: {@code text/xml} + SOAPAction header, or {@code
   * application/soap+xml; action}.
   */
  HttpResponse<String> soap(
      String path, String operation, byte[] envelope, boolean soapActionHeader) {
    String action = "http://buhphone.com/PartnerWebAPI2#PartnerWebAPI2:" + operation;
    HttpRequest.Builder builder =
        request(path).POST(HttpRequest.BodyPublishers.ofByteArray(envelope));
    if (soapActionHeader) {
      builder
          .header("Content-Type", "text/xml;charset=UTF-8")
          .header("SOAPAction", "\"" + action + "\"");
    } else {
      builder.header(
          "Content-Type", "application/soap+xml;charset=UTF-8;action=\"" + action + "\"");
    }
    return send(builder);
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(20));
    if (authorization != null) {
      builder.header("Authorization", authorization);
    }
    return builder;
  }

  private static HttpResponse<String> send(HttpRequest.Builder builder) {
    try {
      return CLIENT.send(
          builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
