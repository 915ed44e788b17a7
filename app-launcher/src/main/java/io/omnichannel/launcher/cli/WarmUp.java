package io.omnichannel.launcher.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.IOException;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;

/**
 * {@code serve}'s head start: on a daemon thread of its own, loads what the start needs — the
 * embedded database's engine, the JDK's TLS context (the adapters' HTTP clients), Jackson, Javalin
 * and Jetty — while the main thread sets up metrics and opens and migrates the database. On two
 * cores a cold start is ready about a second sooner. Nothing is bound, started or kept; whatever
 * fails here is met again, and reported, where it is used.
 */
final class WarmUp {
  private WarmUp() {}

  /**
   * @param embedded whether the database is the embedded one, whose engine is loaded first (on a
   *     private in-memory database)
   */
  static void inBackground(boolean embedded) {
    Thread thread = new Thread(() -> run(embedded), "omnichannel-warm-up");
    thread.setDaemon(true);
    thread.start();
  }

  private static void run(boolean embedded) {
    if (embedded) {
      try (Connection engine = DriverManager.getConnection("jdbc:h2:mem:;MODE=MySQL", "sa", "");
          Statement statement = engine.createStatement()) {
        statement.execute(
            "CREATE TABLE warm (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, v VARCHAR(8));"
                + " ALTER TABLE warm ADD COLUMN w BIGINT NULL; CREATE INDEX ix_warm ON warm (w, id)");
      } catch (SQLException | RuntimeException | LinkageError e) {
        // only a head start
      }
    }
    try {
      SSLContext.getDefault();
      new ObjectMapper().writeValueAsBytes(Map.of("warm", List.of(1)));
      Javalin.create(config -> config.showJavalinBanner = false).jettyServer().server();
    } catch (NoSuchAlgorithmException | IOException | RuntimeException | LinkageError e) {
      // only a head start
    }
  }
}
