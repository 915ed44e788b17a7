package io.omnichannel.testkit.oneconnect;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Builds a multipart/form-data body part by part, as a client library would. */
final class MultipartBody {
  private final String boundary = "----test-boundary-7d1c";
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  static MultipartBody create() {
    return new MultipartBody();
  }

  MultipartBody json(String name, String json) {
    return part(name, null, "application/json", json.getBytes(StandardCharsets.UTF_8));
  }

  MultipartBody part(String name, String fileName, String contentType, byte[] bytes) {
    StringBuilder head =
        new StringBuilder("--")
            .append(boundary)
            .append("\r\n")
            .append("Content-Disposition: form-data; name=\"")
            .append(name)
            .append('"');
    if (fileName != null) {
      head.append("; filename=\"").append(fileName).append('"');
    }
    head.append("\r\n");
    if (contentType != null) {
      head.append("Content-Type: ").append(contentType).append("\r\n");
    }
    head.append("\r\n");
    out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
    out.writeBytes(bytes);
    out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    return this;
  }

  String contentType() {
    return "multipart/form-data; boundary=" + boundary;
  }

  byte[] bytes() {
    ByteArrayOutputStream copy = new ByteArrayOutputStream();
    copy.writeBytes(out.toByteArray());
    copy.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return copy.toByteArray();
  }
}
