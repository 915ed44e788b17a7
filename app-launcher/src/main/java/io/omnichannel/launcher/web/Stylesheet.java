package io.omnichannel.launcher.web;

import com.google.common.io.Resources;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * {@code GET /assets/omnichannel.css}: the one stylesheet of the confirmation page and the console,
 * served from the jar so that the pages' Content-Security-Policy can forbid inline styles.
 */
public final class Stylesheet implements Endpoint {
  static final String PATH = "/assets/omnichannel.css";

  private static final byte[] CSS = load();

  @Override
  public void mount(Javalin app) {
    app.get(
        PATH,
        ctx -> {
          ctx.header("X-Content-Type-Options", "nosniff");
          ctx.header("Cache-Control", "public, max-age=3600");
          ctx.contentType("text/css; charset=utf-8").result(CSS);
        });
  }

  private static byte[] load() {
    try {
      return Resources.toByteArray(Resources.getResource(Stylesheet.class, "omnichannel.css"));
    } catch (IOException missing) {
      throw new UncheckedIOException(missing);
    }
  }
}
