package io.omnichannel.testkit.oneconnect;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The push API's upload shape: exactly a part {@code meta} ({@code application/json}) and a part
 * {@code file} (with a filename). Other names, a missing part or a wrong type answer 400; a file
 * over the limit answers 413.
 */
final class Multipart {
  /** A valid upload. */
  record Upload(ObjectNode meta, String submittedFileName, String contentType, byte[] bytes) {}

  private static final String JETTY_MULTIPART_CONFIG = "org.eclipse.jetty.multipartConfig";
  private static final MultipartConfigElement CONFIG =
      new MultipartConfigElement(System.getProperty("java.io.tmpdir"), -1, -1, 1 << 20);

  private Multipart() {}

  /**
   * Lets Jetty parse multipart bodies of this request (Jetty needs the config as a request
   * attribute).
   */
  static void enable(Context ctx) {
    ctx.req().setAttribute(JETTY_MULTIPART_CONFIG, CONFIG);
  }

  static boolean isMultipart(Context ctx) {
    String type = ctx.contentType();
    return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
  }

  static Collection<Part> parts(Context ctx) {
    if (!isMultipart(ctx)) {
      throw ApiError.badRequest("multipart/form-data is expected");
    }
    try {
      return ctx.req().getParts();
    } catch (IOException | ServletException | IllegalStateException e) {
      throw ApiError.badRequest("Malformed multipart body");
    }
  }

  static Upload read(Context ctx, long maxFileBytes) {
    Part meta = null;
    Part file = null;
    List<String> unexpected = new ArrayList<>();
    for (Part part : parts(ctx)) {
      switch (part.getName()) {
        case "meta" -> meta = part;
        case "file" -> file = part;
        default -> unexpected.add(part.getName());
      }
    }
    if (!unexpected.isEmpty()) {
      throw ApiError.badRequest("Unexpected parts: " + unexpected);
    }
    if (meta == null || file == null) {
      throw ApiError.badRequest("Parts meta and file are required");
    }
    if (meta.getContentType() == null
        || !meta.getContentType().toLowerCase(Locale.ROOT).startsWith("application/json")) {
      throw ApiError.badRequest("Part meta must be application/json");
    }
    if (file.getSubmittedFileName() == null || file.getSubmittedFileName().isEmpty()) {
      throw ApiError.badRequest("Part file must carry a filename");
    }
    ObjectNode metaJson = Wire.object(bytes(meta));
    if (file.getSize() > maxFileBytes) {
      throw ApiError.withText(413, "File is too large");
    }
    String type =
        file.getContentType() == null ? "application/octet-stream" : file.getContentType();
    return new Upload(metaJson, file.getSubmittedFileName(), type, bytes(file));
  }

  static byte[] bytes(Part part) {
    try (InputStream in = part.getInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw ApiError.badRequest("Unreadable part " + part.getName());
    }
  }
}
