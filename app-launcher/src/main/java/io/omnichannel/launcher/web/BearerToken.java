package io.omnichannel.launcher.web;

import io.javalin.http.Context;
import io.javalin.http.UnauthorizedResponse;
import io.omnichannel.core.domain.Secret;
import java.util.Optional;

/** The admin token as an {@code Authorization: Bearer} header; no token configured: closed. */
final class BearerToken {
  private BearerToken() {}

  /** Passes when the request carries the token; else answers 401 with a Bearer challenge. */
  static void require(Context ctx, Optional<Secret> token) {
    String header = Optional.ofNullable(ctx.header("Authorization")).orElse("");
    boolean allowed =
        token.isPresent()
            && header.startsWith("Bearer ")
            && token.get().matches(header.substring("Bearer ".length()).strip());
    if (!allowed) {
      ctx.header("WWW-Authenticate", "Bearer");
      throw new UnauthorizedResponse("admin token required");
    }
  }
}
