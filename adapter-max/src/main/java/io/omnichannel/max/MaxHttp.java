package io.omnichannel.max;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnichannel.core.domain.FileSource;
import io.omnichannel.core.domain.failure.ChannelFailure;
import io.omnichannel.core.domain.failure.ChannelUnavailable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
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
 * The MAX calls Feign cannot make well, on the JDK {@link HttpClient} with the configured trust
 * store: long polls as {@code sendAsync} (a waiting poll holds a socket, not a thread; cancelling
 * the future aborts it), multipart uploads to the upload host streamed from the {@link FileSource},
 * and file downloads streamed to the caller. Refusals go through the same {@link MaxErrors}.
 */
final class MaxHttp {
  private final URI base;
  private final ObjectMapper json;
  private final MaxConfig.Timeouts timeouts;
  private final HttpClient http;

  MaxHttp(
      URI base,
      ObjectMapper json,
      MaxConfig.Timeouts timeouts,
      SSLContext ssl,
      ExecutorService executor) {
    this.base = base;
    this.json = json;
    this.timeouts = timeouts;
    this.http =
        HttpClient.newBuilder()
            .executor(executor)
            .sslContext(ssl)
            .connectTimeout(timeouts.connect())
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /**
   * {@code GET /updates} as an asynchronous long poll: at most 100 updates, at most 30 s; the
   * future fails with a {@link ChannelFailure}.
   */
  CompletableFuture<PolledBatch> updates(
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
    CompletableFuture<HttpResponse<byte[]>> sent =
        http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
    CompletableFuture<PolledBatch> result =
        sent.handle(
            (response, error) -> {
              if (error != null) {
                throw MaxErrors.io("updates", error);
              }
              if (response.statusCode() / 100 != 2) {
                throw decode("updates", response, response.body());
              }
              try {
                return PolledBatch.slice(response.body(), json);
              } catch (IOException e) {
                throw MaxErrors.io("updates", e);
              }
            });
    // cancelling the result (a stop) aborts the exchange too
    result.whenComplete(
        (ignored, error) -> {
          if (result.isCancelled()) {
            sent.cancel(true);
          }
        });
    return result;
  }

  /**
   * Step 2 of an upload: the file as the multipart part {@code data} to the URL step 1 gave, with
   * no {@code Authorization} (the upload host takes none, as the official clients send it).
   */
  JsonNode upload(URI url, String fileName, String mimeType, long sizeBytes, FileSource source) {
    Multipart multipart = new Multipart(Map.of(), "data", fileName, mimeType, sizeBytes, source);
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .timeout(timeouts.upload())
            .header("Content-Type", multipart.contentType())
            .POST(
                HttpRequest.BodyPublishers.fromPublisher(
                    HttpRequest.BodyPublishers.ofInputStream(multipart::open), multipart.length()))
            .build();
    HttpResponse<byte[]> response =
        send("upload", request, HttpResponse.BodyHandlers.ofByteArray());
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
      response = send("download", request.build(), HttpResponse.BodyHandlers.ofInputStream());
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
    return base.toString().replaceAll("/+$", "");
  }

  private ChannelFailure decode(String method, HttpResponse<?> response, byte[] body) {
    return MaxErrors.decode(
        method, response.statusCode(), response.headers().firstValue("Retry-After"), body, json);
  }

  private <T> HttpResponse<T> send(
      String method, HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    try {
      return http.send(request, handler);
    } catch (IOException e) {
      throw MaxErrors.io(method, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw MaxErrors.io(method, e);
    } catch (UncheckedIOException e) {
      throw MaxErrors.io(method, e.getCause());
    }
  }

  static Optional<String> text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isTextual() && !value.asText().isBlank()
        ? Optional.of(value.asText())
        : Optional.empty();
  }
}
