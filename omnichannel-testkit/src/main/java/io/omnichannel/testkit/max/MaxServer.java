package io.omnichannel.testkit.max;

import io.javalin.Javalin;
import io.omnichannel.testkit.support.LoopbackServer;
import java.nio.file.Path;

/** The server's routes: the API, uploads, downloads and the control API. */
final class MaxServer {
  private MaxServer() {}

  static LoopbackServer create(int port, MaxEmulator emulator, Path spoolDirectory) {
    LoopbackServer server =
        new LoopbackServer(port, "max-emulator", UploadEndpoints.MAX_REQUEST_BYTES);
    Javalin app = server.app();
    new ControlApi(emulator).register(app);
    ApiEndpoints api = new ApiEndpoints(emulator);
    api.register(app);
    new MessageMethods(emulator).register(app, api);
    new UploadEndpoints(emulator, spoolDirectory).register(app, api);
    app.error(
        404,
        ctx -> {
          if (ctx.attribute(ApiEndpoints.ANSWERED) == null) {
            MaxError error = MaxError.methodNotFound(ctx.path());
            ApiEndpoints.writeError(ctx, error);
          }
        });
    return server;
  }
}
