package io.omnichannel.oneconnect;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.omnichannel.core.domain.FileSource;
import io.omnichannel.core.domain.failure.PlatformRejected;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

/**
 * The push API's uploads ({@code multipart/form-data}: part {@code meta} as {@code
 * application/json}, part {@code file} with a filename), streamed: the file's bytes flow from its
 * {@link FileSource} to the socket and are never held in memory. Feign's request body is a byte
 * array, hence this small client beside it.
 */
final class Uploads {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final HttpClient http;
  private final URI restBase;
  private final Duration timeout;

  Uploads(HttpClient http, URI restBase, Duration timeout) {
    this.http = http;
    this.restBase = restBase;
    this.timeout = timeout;
  }

  /** Posts {@code meta} and the file to {@code path}; the answer's body (JSON or empty) on 200. */
  byte[] post(
      String operation,
      String path,
      String auth,
      Object meta,
      String fileName,
      String mimeType,
      FileSource source) {
    String boundary = "omnichannel-" + HexFormat.of().formatHex(randomBytes());
    byte[] head = head(boundary, json(operation, meta), fileName, mimeType);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(restBase + path))
            .timeout(timeout)
            .header("Authorization", auth)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body(head, source, tail)))
            .build();
    HttpResponse<byte[]> response =
        PlatformErrors.send(http, request, HttpResponse.BodyHandlers.ofByteArray(), operation);
    if (response.statusCode() != 200) {
      throw PlatformErrors.of(operation, response.statusCode(), response.body());
    }
    return response.body();
  }

  private static InputStream body(byte[] head, FileSource source, byte[] tail) {
    try {
      return new SequenceInputStream(
          Collections.enumeration(
              List.of(
                  new ByteArrayInputStream(head), source.open(), new ByteArrayInputStream(tail))));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the file to upload", e);
    }
  }

  private static byte[] head(String boundary, byte[] metaJson, String fileName, String mimeType) {
    StringBuilder text =
        new StringBuilder()
            .append("--")
            .append(boundary)
            .append("\r\n")
            .append("Content-Disposition: form-data; name=\"meta\"\r\n")
            .append("Content-Type: application/json\r\n\r\n");
    byte[] metaHead = text.toString().getBytes(StandardCharsets.UTF_8);
    String fileHead =
        "\r\n--"
            + boundary
            + "\r\n"
            + "Content-Disposition: form-data; name=\"file\"; filename=\""
            + quoted(fileName)
            + "\"\r\n"
            + "Content-Type: "
            + headerSafe(mimeType)
            + "\r\n\r\n";
    byte[] fileHeadBytes = fileHead.getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[metaHead.length + metaJson.length + fileHeadBytes.length];
    System.arraycopy(metaHead, 0, all, 0, metaHead.length);
    System.arraycopy(metaJson, 0, all, metaHead.length, metaJson.length);
    System.arraycopy(
        fileHeadBytes, 0, all, metaHead.length + metaJson.length, fileHeadBytes.length);
    return all;
  }

  /**
   * A filename inside a quoted header parameter: no quotes, backslashes or line breaks (RFC 7578
   * §4.2).
   */
  private static String quoted(String fileName) {
    return headerSafe(fileName).replace("\\", "%5C").replace("\"", "%22");
  }

  private static String headerSafe(String value) {
    return value.replaceAll("[\\r\\n]", " ");
  }

  private static byte[] json(String operation, Object meta) {
    try {
      return Wire.JSON.writeValueAsBytes(meta);
    } catch (JsonProcessingException e) {
      throw new PlatformRejected(operation, "cannot write meta");
    }
  }

  private static byte[] randomBytes() {
    byte[] bytes = new byte[12];
    RANDOM.nextBytes(bytes);
    return bytes;
  }
}
