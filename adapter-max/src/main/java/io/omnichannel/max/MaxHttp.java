package io.omnichannel.max;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnichannel.core.domain.FileSource;
import io.omnichannel.core.domain.failure.ChannelFailure;
import io.omnichannel.core.domain.failure.ChannelUnavailable;
import io.omnichannel.messenger.support.HttpExchanges;
import io.omnichannel.messenger.support.MultipartBody;
import io.omnichannel.messenger.support.PolledBot;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import javax.net.ssl.SSLContext;

/**
 * The MAX calls Feign cannot make well, on the JDK's HTTP client with the configured trust store:
 * long polls as {@code sendAsync} (a waiting poll holds a socket, not a thread; cancelling the
 * future aborts it), multipart uploads to the upload host streamed from the {@link FileSource}, and
 * file downloads streamed to the caller. Refusals go through the same {@link MaxErrors}.
 */
final class MaxHttp {
  private final URI base;
  private final ObjectMapper json;
  private final MaxConfig.Timeouts timeouts;
  private final HttpExchanges http;

  MaxHttp(
      URI base,
      ObjectMapper json,
      MaxConfig.Timeouts timeouts,
      SSLContext ssl,
      ExecutorService executor) {
    this.base = base;
    this.json = json;
    this.timeouts = timeouts;
    this.http = new HttpExchanges(executor, timeouts.connect(), Optional.of(ssl), MaxErrors::io);
  }

  /**
   * {@code GET /updates} as an asynchronous long poll: at most 100 updates, at most 30 s; the
   * future fails with a {@link ChannelFailure}.
   */
  CompletableFuture<PolledBot.Answer> updates(
      String token, OptionalLong marker, int timeoutSeconds, List<String> types) {
    StringBuilder query =
        new StringBuilder("limit=100&timeout=").append(Math.min(30, Math.max(0, timeoutSeconds)));
    marker.ifPresent(value -> query.append("&marker=").append(value));
    if (!types.isEmpty()) {
      query
          .append("&types=")
          .append(URLEncoder.encode(String.join(",", types), StandardCharsets.UTF_8));
    }
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(root() + "/updates?" + query))
            .timeout(timeouts.request().plusSeconds(timeoutSeconds))
            .header("Authorization", token)
            .GET()
            .build();
    return http.sendAsync(
        "updates",
        request,
        response -> {
          if (response.statusCode() / 100 != 2) {
            throw decode("updates", response, response.body());
          }
          return PolledBatch.slice(response.body(), json);
        });
  }

  /**
   * Step 2 of an upload: the file as the multipart part {@code data} to the URL step 1 gave, with
   * no {@code Authorization} (the upload host takes none, as the official clients send it).
   */
  JsonNode upload(URI url, String fileName, String mimeType, long sizeBytes, FileSource source) {
    MultipartBody multipart =
        new MultipartBody(Map.of(), "data", fileName, mimeType, sizeBytes, source);
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .timeout(timeouts.upload())
            .header("Content-Type", multipart.contentType())
            .POST(multipart.publisher())
            .build();
    HttpResponse<byte[]> response =
        http.send("upload", request, HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() / 100 != 2) {
      throw decode("upload", response, response.body());
    }
    try {
      JsonNode answer = json.readTree(response.body());
      if (answer == null || !answer.isObject()) {
        throw new ChannelUnavailable("upload: the upload host answered no JSON object");
      }
      return answer;
    } catch (IOException e) {
      throw MaxErrors.io("upload", e);
    }
  }

  /**
   * A plain GET of a file's URL, the body left unread for the caller to stream (and close). The
   * token goes along only to the API's own host: a URL on another host never sees it.
   */
  HttpResponse<InputStream> download(URI url, String token) throws IOException {
    HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeouts.upload()).GET();
    if (sameOrigin(url)) {
      request.header("Authorization", token);
    }
    HttpResponse<InputStream> response;
    try {
      response = http.send("download", request.build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (ChannelFailure failure) {
      throw new IOException(failure.getMessage());
    }
    if (response.statusCode() != 200) {
      try (InputStream body = response.body()) {
        byte[] head = body.readNBytes(4096);
        throw new IOException(decode("download", response, head).getMessage());
      }
    }
    return response;
  }

  boolean sameOrigin(URI url) {
    return base.getScheme().equalsIgnoreCase(String.valueOf(url.getScheme()))
        && base.getHost().equalsIgnoreCase(String.valueOf(url.getHost()))
        && port(base) == port(url);
  }

  private static int port(URI uri) {
    return uri.getPort() >= 0
        ? uri.getPort()
        : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }

  private String root() {
    return HttpExchanges.root(base);
  }

  private ChannelFailure decode(String method, HttpResponse<?> response, byte[] body) {
    return MaxErrors.decode(
        method, response.statusCode(), response.headers().firstValue("Retry-After"), body, json);
  }

  static Optional<String> text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isTextual() && !value.asText().isBlank()
        ? Optional.of(value.asText())
        : Optional.empty();
  }
}
