package io.omnichannel.testkit.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/** Talks to the emulator the way a bot does, in each encoding the Bot API accepts. */
final class BotApiClient {
  static final ObjectMapper MAPPER = new ObjectMapper();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String baseUrl;

  BotApiClient(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  URI uri(String token, String method) {
    return URI.create(baseUrl + "/bot" + token + "/" + method);
  }

  ApiResponse form(String token, String method, Map<String, ?> params) {
    return send(
        HttpRequest.newBuilder(uri(token, method))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(encode(params)))
            .build());
  }

  ApiResponse json(String token, String method, String json) {
    return send(
        HttpRequest.newBuilder(uri(token, method))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  ApiResponse get(String token, String method, Map<String, ?> params) {
    String query = params.isEmpty() ? "" : "?" + encode(params);
    return send(HttpRequest.newBuilder(URI.create(uri(token, method) + query)).GET().build());
  }

  ApiResponse multipart(String token, String method, Multipart body) {
    return send(
        HttpRequest.newBuilder(uri(token, method))
            .header("Content-Type", body.contentType())
            .POST(body.publisher())
            .build());
  }

  CompletableFuture<ApiResponse> formAsync(String token, String method, Map<String, ?> params) {
    HttpRequest request =
        HttpRequest.newBuilder(uri(token, method))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(encode(params)))
            .build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
        .thenApply(BotApiClient::parse);
  }

  ApiResponse send(HttpRequest request) {
    try {
      return parse(http.send(request, HttpResponse.BodyHandlers.ofString()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  HttpResponse<byte[]> download(String token, String filePath) {
    try {
      return http.send(
          HttpRequest.newBuilder(URI.create(baseUrl + "/file/bot" + token + "/" + filePath))
              .GET()
              .build(),
          HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static ApiResponse parse(HttpResponse<String> response) {
    try {
      return new ApiResponse(response.statusCode(), MAPPER.readTree(response.body()));
    } catch (IOException e) {
      throw new AssertionError("not JSON (" + response.statusCode() + "): " + response.body(), e);
    }
  }

  static String encode(Map<String, ?> params) {
    return params.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(String.valueOf(e.getValue()), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
