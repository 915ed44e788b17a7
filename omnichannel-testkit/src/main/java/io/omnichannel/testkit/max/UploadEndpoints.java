package io.omnichannel.testkit.max;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Part;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

/**
 * The upload flow and downloads.
 *
 * <ol>
 *   <li>{@code POST /uploads?type=image|video|audio|file} (an API call: auth, limits) → {@code
 *       {"url": "<base>/upload.do?id=…", "token"?}} — the token comes first for video and audio;
 *       {@code type=photo} is refused (no longer accepted on MAX);
 *   <li>{@code POST <url>} multipart/form-data with the part {@code data} (no auth needed, as the
 *       official clients send none) → file {@code {"token"}}, image {@code
 *       {"photos":{"<key>":{"token"}}}}, video/audio {@code <retval>1</retval>} (XML, as on MAX);
 *       one URL takes one file; above MAX's per-type limit → 400 {@code file.too.big} (our code);
 *   <li>the token goes into {@code POST /messages}; within {@code attachmentNotReadyFor} of the
 *       upload that answers 400 {@code attachment.not.ready}.
 * </ol>
 *
 * Downloads: {@code GET /files/{id}} — the bytes behind an attachment's {@code payload.url}
 * (uploads, and generated content for what users send), with {@code Content-Length}; no auth
 * required (unconfirmed on MAX; a header is accepted).
 */
final class UploadEndpoints {
  /** Enough for every upload the emulator keeps in practice; larger bodies are refused. */
  static final long MAX_REQUEST_BYTES = 512L * 1024 * 1024;

  private final MaxEmulator emulator;
  private final MultipartConfigElement multipart;

  UploadEndpoints(MaxEmulator emulator, Path spoolDirectory) {
    this.emulator = emulator;
    this.multipart =
        new MultipartConfigElement(
            spoolDirectory.toString(), MAX_REQUEST_BYTES, MAX_REQUEST_BYTES, 1024 * 1024);
  }

  void register(Javalin app, ApiEndpoints api) {
    app.post("/uploads", api.api(false, this::slot));
    app.post("/upload.do", this::upload);
    app.get("/files/{id}", this::download);
  }

  private ObjectNode slot(Bot bot, Context ctx) {
    String type = ctx.queryParam("type");
    if (type == null || !Uploads.TYPES.contains(type)) {
      throw MaxError.badRequest("type must be one of image, video, audio, file");
    }
    Uploads.Slot slot = emulator.uploads.newSlot(type);
    ObjectNode answer = Json.object();
    answer.put("url", emulator.baseUrl() + "/upload.do?id=" + slot.id() + "&type=" + type);
    if (slot.token() != null) {
      answer.put("token", slot.token());
    }
    return answer;
  }

  private void upload(Context ctx) {
    try {
      ObjectNode answer = receive(ctx);
      if (answer == null) {
        ctx.status(200).contentType("text/xml; charset=utf-8").result("<retval>1</retval>");
      } else {
        ctx.status(200).contentType("application/json; charset=utf-8").result(Json.write(answer));
      }
    } catch (MaxError error) {
      ApiEndpoints.writeError(ctx, error);
    }
  }

  /** The JSON answer, or null for video/audio (XML). */
  private ObjectNode receive(Context ctx) {
    String contentType = ctx.contentType() == null ? "" : ctx.contentType();
    if (!contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")) {
      throw MaxError.badRequest("Expected multipart/form-data with the part data");
    }
    Uploads.Slot slot = emulator.uploads.claim(ctx.queryParam("id"));
    if (slot == null) {
      throw MaxError.badRequest("Upload URL is unknown or was used already");
    }
    ctx.req().setAttribute("org.eclipse.jetty.multipartConfig", multipart);
    Part data;
    try {
      data = ctx.req().getPart("data");
    } catch (IOException | ServletException | IllegalStateException broken) {
      throw MaxError.badRequest("Can't parse multipart/form-data request");
    }
    if (data == null) {
      throw MaxError.badRequest("The file part must be named data");
    }
    long size = data.getSize();
    if (size > Uploads.limit(slot.type())) {
      throw new MaxError(
          400, "file.too.big", "File is larger than " + Uploads.limit(slot.type()) + " bytes");
    }
    Uploads.Upload upload;
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      ByteArrayOutputStream kept =
          emulator.uploads.canKeep(size) ? new ByteArrayOutputStream((int) size) : null;
      try (InputStream in = data.getInputStream();
          OutputStream sink =
              new DigestOutputStream(
                  kept != null ? kept : OutputStream.nullOutputStream(), sha256)) {
        in.transferTo(sink);
      }
      upload =
          emulator.uploads.store(
              slot,
              data.getSubmittedFileName(),
              data.getContentType(),
              size,
              HexFormat.of().formatHex(sha256.digest()),
              kept == null ? null : kept.toByteArray(),
              TimeUnit.NANOSECONDS.convert(emulator.config().attachmentNotReadyFor()));
      data.delete();
    } catch (IOException e) {
      throw MaxError.badRequest("Upload interrupted");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    return switch (slot.type()) {
      case "file" -> Json.object().put("token", upload.token());
      case "image" -> {
        ObjectNode answer = Json.object();
        answer.putObject("photos").putObject(Uploads.random(8)).put("token", upload.token());
        yield answer;
      }
      default -> null;
    };
  }

  private void download(Context ctx) {
    Uploads.Download file = emulator.uploads.download(ctx.pathParam("id"));
    if (file == null) {
      ApiEndpoints.writeError(ctx, MaxError.notFound("File not found"));
      return;
    }
    ctx.status(200)
        .contentType(file.contentType() == null ? "application/octet-stream" : file.contentType());
    ctx.disableCompression();
    ctx.header("Content-Length", Long.toString(file.size()));
    ctx.result(file.open());
  }
}
