package io.omnichannel.testkit.telegram;

import io.javalin.Javalin;
import io.omnichannel.testkit.support.LoopbackServer;

/** The server's routes: Bot API, file downloads and the control API. */
final class EmulatorServer {
  private EmulatorServer() {}

  static LoopbackServer create(
      int port, BotApiEndpoint botApi, FileDownloadEndpoint downloads, ControlApi control) {
    // larger bodies get our 413 first
    LoopbackServer server =
        new LoopbackServer(port, "telegram-emulator", RequestParser.MAX_REQUEST_BYTES);
    Javalin app = server.app();
    control.register(app);
    app.get("/file/{bot}/<path>", downloads::handle);
    app.get("/{bot}/{method}", botApi::handle);
    app.post("/{bot}/{method}", botApi::handle);
    app.error(
        404,
        ctx -> {
          if (ctx.result() == null) {
            ctx.contentType("application/json").result(Json.write(Json.error(ApiError.notFound())));
          }
        });
    return server;
  }
}
