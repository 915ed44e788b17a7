package io.omnichannel.testkit.max;

import io.javalin.Javalin;
import java.nio.file.Path;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** The Javalin/Jetty server on loopback: the API, uploads, downloads and the control API. */
final class MaxServer {
  /** Longer than the longest long poll (30 s) so Jetty never cuts a waiting GET /updates. */
  private static final long IDLE_TIMEOUT_MILLIS = 120_000;

  private final Javalin app;
  private ServerConnector connector;
  private int boundPort;

  MaxServer(int port, MaxEmulator emulator, Path spoolDirectory) {
    app =
        Javalin.create(
            config -> {
              config.showJavalinBanner = false;
              config.startupWatcherEnabled = false;
              config.http.asyncTimeout = 0;
              config.http.maxRequestSize = UploadEndpoints.MAX_REQUEST_BYTES;
              QueuedThreadPool threads = new QueuedThreadPool(64, 4, 60_000);
              threads.setName("max-emulator-http");
              threads.setDaemon(true);
              config.jetty.threadPool = threads;
              config.jetty.addConnector(
                  (server, httpConfig) -> {
                    connector = new ServerConnector(server, new HttpConnectionFactory(httpConfig));
                    connector.setHost("127.0.0.1");
                    connector.setPort(port);
                    connector.setIdleTimeout(IDLE_TIMEOUT_MILLIS);
                    return connector;
                  });
            });
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
  }

  void start() {
    app.start();
    boundPort = connector.getLocalPort();
  }

  int port() {
    return boundPort;
  }

  void stop() {
    app.stop();
  }
}
