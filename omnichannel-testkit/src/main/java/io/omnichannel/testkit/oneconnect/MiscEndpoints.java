package io.omnichannel.testkit.oneconnect;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Ticket redirects, the assumed company options call and file downloads. */
final class MiscEndpoints {
  private final Emulation emu;

  MiscEndpoints(Emulation emu) {
    this.emu = emu;
  }

  void register(Javalin app) {
    app.get("/v1/ticket/{id}", MiscEndpoints::redirectToSlashed);
    app.get("/v1/ticket/{id}/", this::ticket);
    Routes.both(app, HandlerType.GET, "/v1/company/options/", this::options);
    Routes.both(app, HandlerType.GET, "/v1/file/{file_id}/", this::download);
    Routes.both(app, HandlerType.HEAD, "/v1/file/{file_id}/", this::head);
  }

  /**
   * Recorded from the real service: the unslashed ticket path answers 301 with a small HTML body.
   */
  private static void redirectToSlashed(Context ctx) {
    String target = "/v1/ticket/" + ctx.pathParam("id") + "/";
    ctx.status(301);
    ctx.header("Location", target);
    ctx.contentType("text/html");
    ctx.result("<a href=\"" + htmlEscape(target) + "\">Moved Permanently</a>.");
  }

  /** Tickets are not modelled: an authorised read finds none. */
  private void ticket(Context ctx) {
    emu.access().account(ctx);
    throw ApiError.empty(404);
  }

  private void options(Context ctx) {
    ApiAccount account = emu.access().account(ctx);
    Wire.json(
        ctx,
        Map.of("external_channels", emu.directory().externalChannelsActive(account.companyId())));
  }

  private void download(Context ctx) {
    FileStore.StoredFile file = readableFile(ctx);
    fileHeaders(ctx, file);
    ctx.result(file.bytes());
  }

  /**
   * The headers of a download (size in Content-Length) without its body, so a client can check the
   * size first.
   */
  private void head(Context ctx) {
    FileStore.StoredFile file = readableFile(ctx);
    fileHeaders(ctx, file);
    ctx.header("Content-Length", Long.toString(file.bytes().length));
    ctx.result(new byte[0]);
  }

  private FileStore.StoredFile readableFile(Context ctx) {
    ApiAccount account = emu.access().account(ctx);
    String fileId = ctx.pathParam("file_id");
    String lineId = emu.files().lineOf(fileId).orElseThrow(() -> ApiError.empty(404));
    if (!account.canActOn(lineId)) {
      throw ApiError.empty(403);
    }
    return emu.files().get(fileId).orElseThrow(() -> ApiError.empty(404));
  }

  private static void fileHeaders(Context ctx, FileStore.StoredFile file) {
    ctx.status(200);
    ctx.contentType(file.ref().mime());
    // RFC 6266/5987: names are often Cyrillic, which a plain quoted filename cannot carry.
    ctx.header(
        "Content-Disposition",
        "attachment; filename*=UTF-8''"
            + URLEncoder.encode(file.ref().name(), StandardCharsets.UTF_8).replace("+", "%20"));
  }

  private static String htmlEscape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
