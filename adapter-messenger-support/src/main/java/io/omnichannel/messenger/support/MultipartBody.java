package io.omnichannel.messenger.support;

import io.omnichannel.core.domain.FileSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A multipart/form-data body whose file part is streamed from its source: only the small parts are
 * in memory, and the length is known up front (no chunked upload).
 *
 * <p>Hand-written on purpose: the JDK's HttpClient and Feign core have no multipart body, and the
 * ones of Apache HttpClient 5 and OkHttp belong to their own clients (they write to an output
 * stream or sink, so feeding the JDK client would take a pipe and a thread per upload, and a
 * streamed part there has no length).
 */
public final class MultipartBody {
  private final String boundary = "omnichannel-" + UUID.randomUUID();
  private final byte[] head;
  private final byte[] tail;
  private final long fileSize;
  private final FileSource source;

  public MultipartBody(
      Map<String, String> fields,
      String fileField,
      String fileName,
      String mimeType,
      long fileSize,
      FileSource source) {
    StringBuilder text = new StringBuilder();
    fields.forEach(
        (name, value) ->
            text.append("--")
                .append(boundary)
                .append("\r\n")
                .append("Content-Disposition: form-data; name=\"")
                .append(name)
                .append("\"\r\n")
                .append("Content-Type: text/plain; charset=UTF-8\r\n\r\n")
                .append(value)
                .append("\r\n"));
    text.append("--")
        .append(boundary)
        .append("\r\n")
        .append("Content-Disposition: form-data; name=\"")
        .append(fileField)
        .append("\"; filename=\"")
        .append(quoted(fileName))
        .append("\"\r\n")
        .append("Content-Type: ")
        .append(mimeType)
        .append("\r\n\r\n");
    this.head = text.toString().getBytes(StandardCharsets.UTF_8);
    this.tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    this.fileSize = fileSize;
    this.source = source;
  }

  public String contentType() {
    return "multipart/form-data; boundary=" + boundary;
  }

  public long length() {
    return head.length + fileSize + tail.length;
  }

  public InputStream open() {
    try {
      List<InputStream> parts =
          List.of(new ByteArrayInputStream(head), source.open(), new ByteArrayInputStream(tail));
      return new SequenceInputStream(Collections.enumeration(parts));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The body for the JDK client, opened anew (from the source) for each send. */
  public HttpRequest.BodyPublisher publisher() {
    return HttpRequest.BodyPublishers.fromPublisher(
        HttpRequest.BodyPublishers.ofInputStream(this::open), length());
  }

  private static String quoted(String fileName) {
    return fileName.replace("\"", "'").replace("\r", " ").replace("\n", " ");
  }
}
