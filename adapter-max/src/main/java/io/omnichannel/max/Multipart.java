package io.omnichannel.max;

import io.omnichannel.core.domain.FileSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A multipart/form-data body whose file part is streamed from its source: only the small parts are
 * in memory.
 */
final class Multipart {
  private final String boundary = "omnichannel-" + UUID.randomUUID();
  private final byte[] head;
  private final byte[] tail;
  private final long fileSize;
  private final FileSource source;

  Multipart(
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

  String contentType() {
    return "multipart/form-data; boundary=" + boundary;
  }

  long length() {
    return head.length + fileSize + tail.length;
  }

  InputStream open() {
    try {
      List<InputStream> parts =
          List.of(new ByteArrayInputStream(head), source.open(), new ByteArrayInputStream(tail));
      return new SequenceInputStream(Collections.enumeration(parts));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String quoted(String fileName) {
    return fileName.replace("\"", "'").replace("\r", " ").replace("\n", " ");
  }
}
