package io.omnichannel.testkit.support;

import io.javalin.Javalin;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A Javalin/Jetty server on 127.0.0.1 for a Bot API emulator: the caller registers its routes on
 * {@link #app()} before {@link #start()}.
 */
public final class LoopbackServer {
  /** Longer than the longest long poll (50 s) so Jetty never cuts a waiting one. */
  private static final long IDLE_TIMEOUT_MILLIS = 120_000;

  /** Few threads suffice: waiting long polls and delayed answers are asynchronous and hold none. */
  public static final int MAX_THREADS = 64;

  private final Javalin app;
  private ServerConnector connector;
  private int boundPort;

  /**
   * @param name names the server's threads, e.g. {@code telegram-emulator}
   * @param maxRequestBytes larger bodies are refused by Jetty, so the emulator's own limit (below)
   *     answers first
   */
  public LoopbackServer(int port, String name, long maxRequestBytes) {
    app =
        Javalin.create(
            config -> {
              config.showJavalinBanner = false;
              config.startupWatcherEnabled = false;
              config.http.asyncTimeout = 0;
              config.http.maxRequestSize = maxRequestBytes;
              QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, 4, 60_000);
              threads.setName(name + "-http");
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
  }

  public Javalin app() {
    return app;
  }

  public void start() {
    app.start();
    boundPort = connector.getLocalPort();
  }

  /** The port bound at start; still known after stop, so messages can name it. */
  public int port() {
    return boundPort;
  }

  public void stop() {
    app.stop();
  }
}
