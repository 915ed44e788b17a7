package io.omnichannel.launcher.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.IOException;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;

/**
 * {@code serve}'s head start: on a daemon thread of its own, loads what the start needs — the JDK's
 * TLS context (the adapters' HTTP clients), Jackson, Javalin and Jetty — while the main thread sets
 * up metrics and wires the gateway and the database opens and migrates on a third thread. On two
 * cores a cold start is ready about a second sooner. Nothing is bound, started or kept; whatever
 * fails here is met again, and reported, where it is used.
 */
final class WarmUp {
  private WarmUp() {}

  static void inBackground() {
    Thread thread = new Thread(WarmUp::run, "omnichannel-warm-up");
    thread.setDaemon(true);
    thread.start();
  }

  private static void run() {
    try {
      SSLContext.getDefault();
      new ObjectMapper().writeValueAsBytes(Map.of("warm", List.of(1)));
      Javalin.create(config -> config.showJavalinBanner = false).jettyServer().server();
    } catch (NoSuchAlgorithmException | IOException | RuntimeException | LinkageError e) {
      // only a head start
    }
  }
}
