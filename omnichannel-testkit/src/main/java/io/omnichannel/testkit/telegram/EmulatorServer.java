package io.omnichannel.testkit.telegram;

import io.javalin.Javalin;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** The Javalin/Jetty server on loopback: Bot API, file downloads and the control API. */
final class EmulatorServer {
  /** Longer than the longest long poll (50 s) so Jetty never cuts a waiting getUpdates. */
  private static final long IDLE_TIMEOUT_MILLIS = 120_000;

  /** Few threads suffice: waiting long polls and delayed answers are asynchronous and hold none. */
  static final int MAX_THREADS = 64;

  private final Javalin app;
  private ServerConnector connector;
  private int boundPort;

  EmulatorServer(
      int port, BotApiEndpoint botApi, FileDownloadEndpoint downloads, ControlApi control) {
    app =
        Javalin.create(
            config -> {
              config.showJavalinBanner = false;
              config.startupWatcherEnabled = false;
              config.http.asyncTimeout = 0;
              config.http.maxRequestSize =
                  RequestParser.MAX_REQUEST_BYTES; // larger bodies get our 413 first
              QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, 4, 60_000);
              threads.setName("telegram-emulator-http");
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
  }

  void start() {
    app.start();
    boundPort = connector.getLocalPort();
  }

  /** The port bound at start; still known after stop, so messages can name it. */
  int port() {
    return boundPort;
  }

  void stop() {
    app.stop();
  }
}
