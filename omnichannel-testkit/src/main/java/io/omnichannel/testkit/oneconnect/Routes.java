package io.omnichannel.testkit.oneconnect;

import io.javalin.Javalin;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;

/**
 * Registers a push-API path in both forms, with and without the trailing slash, as the service
 * accepts.
 */
final class Routes {
  private Routes() {}

  static void both(Javalin app, HandlerType method, String slashedPath, Handler handler) {
    app.addHttpHandler(method, slashedPath, handler);
    app.addHttpHandler(method, slashedPath.substring(0, slashedPath.length() - 1), handler);
  }
}
