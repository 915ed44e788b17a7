package io.omnichannel.launcher.web;

import io.javalin.http.Context;

/**
 * The headers of every page a person opens (confirmation, admin, console): nothing cached, no
 * referrer sent on (a confirmation token is in the path), never framed, no type sniffing, nothing
 * loaded but the own stylesheet: no script, no inline style.
 */
final class SecurityHeaders {
  private SecurityHeaders() {}

  static void apply(Context ctx) {
    ctx.header("Cache-Control", "no-store");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header(
        "Content-Security-Policy",
        "default-src 'none'; style-src 'self'; form-action 'self'; frame-ancestors 'none';"
            + " base-uri 'none'");
  }
}
