package io.omnichannel.messenger.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.core.domain.FileSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MultipartBodyTest {

  @Test
  void theBodyIsTheFieldsThenTheFileStreamedFromItsSourceAndItsLengthIsKnownBeforehand()
      throws IOException {
    byte[] file = "%PDF-1.4 content".getBytes(StandardCharsets.UTF_8);
    AtomicInteger opened = new AtomicInteger();
    FileSource source =
        () -> {
          opened.incrementAndGet();
          return new ByteArrayInputStream(file);
        };
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("chat_id", "42");
    fields.put("caption", "отчёт");

    MultipartBody body =
        new MultipartBody(
            fields, "document", "a\"b\r\nc.pdf", "application/pdf", file.length, source);

    assertThat(opened).hasValue(0);
    byte[] sent;
    try (InputStream in = body.open()) {
      sent = in.readAllBytes();
    }
    String text = new String(sent, StandardCharsets.UTF_8);
    String boundary = body.contentType().substring("multipart/form-data; boundary=".length());
    assertThat(sent).hasSize((int) body.length());
    assertThat(opened).hasValue(1);
    assertThat(text)
        .startsWith("--" + boundary + "\r\n")
        .contains("name=\"chat_id\"\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n42\r\n")
        .contains("\r\n\r\nотчёт\r\n")
        .contains("name=\"document\"; filename=\"a'b  c.pdf\"\r\nContent-Type: application/pdf")
        .contains("\r\n\r\n%PDF-1.4 content\r\n--" + boundary + "--\r\n")
        .endsWith("--" + boundary + "--\r\n");
  }

  @Test
  void aFiftyMegabyteFileIsNeverInMemoryWhole() throws IOException {
    long size = 50L * 1024 * 1024;
    FileSource zeros =
        () ->
            new InputStream() {
              private long left = size;

              @Override
              public int read() {
                return left-- > 0 ? 0 : -1;
              }

              @Override
              public int read(byte[] into, int offset, int length) {
                if (left <= 0) {
                  return -1;
                }
                int n = (int) Math.min(length, left);
                left -= n;
                return n;
              }
            };
    MultipartBody body =
        new MultipartBody(Map.of(), "data", "big.bin", "application/octet-stream", size, zeros);

    long read = 0;
    byte[] chunk = new byte[64 * 1024];
    try (InputStream in = body.open()) {
      for (int n; (n = in.read(chunk)) > 0; ) {
        read += n;
      }
    }

    assertThat(read).isEqualTo(body.length()).isGreaterThan(size);
    assertThat(body.publisher().contentLength()).isEqualTo(body.length());
  }
}
