package io.omnichannel.testkit.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads Bot API parameters from the query string and any of the three body encodings. Multipart
 * parts are spooled to disk by Jetty beyond 1 MB; a request above the largest allowed upload is
 * drained without being kept and answered 413.
 */
final class RequestParser {
  static final long MAX_REQUEST_BYTES = OutgoingFiles.DOCUMENT_UPLOAD_LIMIT + 1024 * 1024;
  private static final long DRAIN_AT_MOST = 1024L * 1024 * 1024;

  private final MultipartConfigElement multipart;
  private final long keepBytesUpTo;

  RequestParser(Path spoolDirectory, long keepBytesUpTo) {
    this.multipart =
        new MultipartConfigElement(spoolDirectory.toString(), -1, MAX_REQUEST_BYTES, 1024 * 1024);
    this.keepBytesUpTo = keepBytesUpTo;
  }

  RequestParams parse(Context ctx) {
    RequestParams params = new RequestParams();
    ctx.queryParamMap().forEach((name, values) -> params.put(name, values.get(0)));
    String contentType =
        ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
    if (ctx.req().getContentLengthLong() > MAX_REQUEST_BYTES) {
      drain(ctx.req());
      throw ApiError.tooLarge();
    }
    if (contentType.startsWith("multipart/form-data")) {
      readMultipart(ctx.req(), params);
    } else if (contentType.startsWith("application/json")) {
      readJson(ctx.bodyAsBytes(), params);
    } else if (contentType.startsWith("application/x-www-form-urlencoded")) {
      for (Map.Entry<String, List<String>> field : ctx.formParamMap().entrySet()) {
        params.put(field.getKey(), field.getValue().get(0));
      }
    }
    return params;
  }

  private static void readJson(byte[] body, RequestParams params) {
    if (body.length == 0) {
      return;
    }
    JsonNode json;
    try {
      json = Json.MAPPER.readTree(body);
    } catch (IOException e) {
      throw ApiError.badRequest("can't parse JSON encoded request parameters");
    }
    if (json == null || !json.isObject()) {
      throw ApiError.badRequest("can't parse JSON encoded request parameters");
    }
    for (Map.Entry<String, JsonNode> field : json.properties()) {
      JsonNode value = field.getValue();
      params.put(field.getKey(), value.isTextual() ? value.asText() : value.toString());
    }
  }

  private void readMultipart(HttpServletRequest request, RequestParams params) {
    request.setAttribute("org.eclipse.jetty.multipartConfig", multipart);
    try {
      for (Part part : request.getParts()) {
        if (part.getSubmittedFileName() != null) {
          params.putFile(part.getName(), readUpload(part));
        } else {
          try (InputStream in = part.getInputStream()) {
            params.put(part.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
          }
        }
        part.delete();
      }
    } catch (IllegalStateException tooBig) {
      drain(request);
      throw ApiError.tooLarge();
    } catch (IOException | jakarta.servlet.ServletException broken) {
      throw ApiError.badRequest("can't parse multipart/form-data request");
    }
  }

  /** Hashes the part while copying; keeps its bytes only up to the configured cap. */
  private UploadedFile readUpload(Part part) throws IOException {
    long size = part.getSize();
    MessageDigest sha256 = sha256();
    ByteArrayOutputStream kept =
        size <= keepBytesUpTo ? new ByteArrayOutputStream((int) size) : null;
    try (InputStream in = part.getInputStream();
        OutputStream sink =
            new DigestOutputStream(kept != null ? kept : OutputStream.nullOutputStream(), sha256)) {
      in.transferTo(sink);
    }
    return new UploadedFile(
        part.getSubmittedFileName(),
        part.getContentType(),
        size,
        HexFormat.of().formatHex(sha256.digest()),
        kept == null ? null : kept.toByteArray());
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Reads and discards the rest of the body so the client sees the 413 rather than a reset. */
  private static void drain(HttpServletRequest request) {
    try (InputStream in = request.getInputStream()) {
      byte[] buffer = new byte[64 * 1024];
      long total = 0;
      int read;
      while (total < DRAIN_AT_MOST && (read = in.read(buffer)) >= 0) {
        total += read;
      }
    } catch (IOException | IllegalStateException ignored) {
      // the client went away or the stream was consumed already; the 413 still stands
    }
  }
}
