package io.omnichannel.testkit.telegram;

import io.javalin.http.Context;
import java.io.InputStream;

/** {@code /file/bot<token>/<file_path>}: the bytes of a file getFile returned a path for. */
final class FileDownloadEndpoint {
  private final BotRegistry bots;
  private final FileStore files;

  FileDownloadEndpoint(BotRegistry bots, FileStore files) {
    this.bots = bots;
    this.files = files;
  }

  void handle(Context ctx) {
    String segment = ctx.pathParam("bot");
    StoredFile file = files.byPath(ctx.pathParam("path"));
    InputStream content = file == null ? null : files.open(file);
    if (!segment.startsWith("bot") || content == null || !isAuthorized(segment.substring(3))) {
      ctx.status(404)
          .contentType("application/json")
          .result(Json.write(Json.error(ApiError.notFound())));
      return;
    }
    ctx.status(200).contentType(file.mimeType == null ? "application/octet-stream" : file.mimeType);
    // Content-Length names the file's own size, so the body must go as it is: compressing it (on
    // Accept-Encoding: gzip) would send fewer bytes than announced and the client a truncated file
    ctx.disableCompression();
    ctx.header("Content-Length", Long.toString(file.size));
    ctx.result(content);
  }

  private boolean isAuthorized(String token) {
    try {
      bots.authorized(token);
      return true;
    } catch (ApiError unauthorized) {
      return false;
    }
  }
}
