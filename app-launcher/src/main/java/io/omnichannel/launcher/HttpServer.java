package io.omnichannel.launcher;

import io.javalin.Javalin;
import io.javalin.util.JavalinBindException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jetty.JettyServerThreadPoolMetrics;
import io.omnichannel.launcher.web.BoundedBody;
import io.omnichannel.launcher.web.Endpoint;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;

/** One bundled Javalin server (the public one or the management one) with its endpoints. */
final class HttpServer {
  private HttpServer() {}

  /**
   * Binds {@code host:port} and serves the endpoints; its Jetty thread pool is metered under {@code
   * server=<name>}. Throws {@link PortInUse} when the port is taken.
   */
  static Javalin start(
      String name, String host, int port, List<Endpoint> endpoints, MeterRegistry registry) {
    if (port != 0) {
      // checked first: the HTTP server would log a failed bind as a stack trace
      try (ServerSocket probe = new ServerSocket()) {
        probe.bind(new InetSocketAddress(host, port));
      } catch (IOException taken) {
        throw new PortInUse(host, port, taken);
      }
    }
    Javalin app =
        Javalin.create(
            config -> {
              config.showJavalinBanner = false;
              // the endpoints read bodies within their own limits; Javalin's agrees with them
              config.http.maxRequestSize = BoundedBody.LARGEST;
            });
    endpoints.forEach(endpoint -> endpoint.mount(app));
    try {
      app.start(host, port);
    } catch (JavalinBindException taken) {
      throw new PortInUse(host, port, taken);
    }
    new JettyServerThreadPoolMetrics(app.jettyServer().threadPool(), Tags.of("server", name))
        .bindTo(registry);
    return app;
  }
}
