package io.omnichannel.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnichannel.core.domain.BotToken;
import io.omnichannel.core.domain.FileSource;
import io.omnichannel.core.domain.failure.ChannelFailure;
import io.omnichannel.messenger.support.HttpExchanges;
import io.omnichannel.messenger.support.MultipartBody;
import io.omnichannel.messenger.support.PolledBot;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * The Bot API calls Feign cannot make well, on the JDK's HTTP client: long polls as {@code
 * sendAsync} (a waiting poll holds a socket, not a thread, and cancelling the future aborts it),
 * multipart uploads streamed from the {@link FileSource}, and file downloads streamed to the
 * caller. Answers go through the same {@link ApiErrors} as Feign's.
 */
final class BotHttp {
  private final URI base;
  private final ObjectMapper json;
  private final TelegramConfig.Timeouts timeouts;
  private final HttpExchanges http;

  BotHttp(URI base, ObjectMapper json, TelegramConfig.Timeouts timeouts, ExecutorService executor) {
    this.base = base;
    this.json = json;
    this.timeouts = timeouts;
    this.http = new HttpExchanges(executor, timeouts.connect(), Optional.empty(), ApiErrors::io);
  }

  private URI method(BotToken token, String method) {
    return URI.create(HttpExchanges.root(base) + "/bot" + token.reveal() + "/" + method);
  }

  /**
   * getUpdates as an asynchronous long poll (from offset 0 when none is given); the future fails
   * with a {@link ChannelFailure}.
   */
  CompletableFuture<PolledBot.Answer> getUpdates(
      BotToken token, OptionalLong offset, int timeoutSeconds, List<String> allowedUpdates) {
    byte[] body;
    try {
      body =
          json.writeValueAsBytes(
              Map.of(
                  "offset",
                  offset.orElse(0),
                  "limit",
                  100,
                  "timeout",
                  timeoutSeconds,
                  "allowed_updates",
                  allowedUpdates));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    HttpRequest request =
        HttpRequest.newBuilder(method(token, "getUpdates"))
            .timeout(timeouts.request().plusSeconds(timeoutSeconds))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    return http.sendAsync(
        "getUpdates",
        request,
        response -> {
          result(response.statusCode(), response.body(), "getUpdates");
          return PolledUpdates.slice(response.body(), json);
        });
  }

  /**
   * sendPhoto / sendDocument as multipart, the file streamed from its source with a known length.
   */
  JsonNode upload(
      BotToken token,
      String method,
      Map<String, String> fields,
      String fileField,
      String fileName,
      String mimeType,
      long sizeBytes,
      FileSource source) {
    MultipartBody multipart =
        new MultipartBody(fields, fileField, fileName, mimeType, sizeBytes, source);
    HttpRequest request =
        HttpRequest.newBuilder(method(token, method))
            .timeout(timeouts.upload())
            .header("Content-Type", multipart.contentType())
            .POST(multipart.publisher())
            .build();
    HttpResponse<byte[]> response =
        http.send(method, request, HttpResponse.BodyHandlers.ofByteArray());
    return result(response.statusCode(), response.body(), method);
  }

  /** Streams {@code /file/bot<token>/<path>}; the caller closes the stream. */
  InputStream download(BotToken token, String filePath) throws IOException {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(
                    HttpExchanges.root(base) + "/file/bot" + token.reveal() + "/" + filePath))
            .timeout(timeouts.upload())
            .GET()
            .build();
    HttpResponse<InputStream> response;
    try {
      response = http.send("download", request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (ChannelFailure failure) {
      throw new IOException(failure.getMessage());
    }
    if (response.statusCode() != 200) {
      try (InputStream body = response.body()) {
        throw new IOException(
            "download: "
                + response.statusCode()
                + " "
                + ApiErrors.decode("download", response.statusCode(), body.readAllBytes(), json)
                    .getMessage());
      }
    }
    return response.body();
  }

  private JsonNode result(int status, byte[] body, String method) {
    if (status / 100 != 2) {
      throw ApiErrors.decode(method, status, body, json);
    }
    try {
      JsonNode node = json.readTree(body);
      if (node == null || !node.path("ok").asBoolean(false)) {
        throw ApiErrors.decode(method, status, body, json);
      }
      return node.path("result");
    } catch (IOException e) {
      throw ApiErrors.io(method, e);
    }
  }
}
