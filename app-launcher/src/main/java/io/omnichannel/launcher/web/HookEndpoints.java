package io.omnichannel.launcher.web;

import io.javalin.Javalin;
import io.omnichannel.oneconnect.OneConnect;

/**
 * Mounts the 1C-Connect adapter's framework-free hook handler: {@code POST
 * /hooks/oneconnect/{hook}} (each messenger mounts its own webhook, e.g. {@link
 * TelegramHookEndpoint}). The handler checks the caller before it asks for the body, which is read
 * here within its limit, and answers only after the event is stored.
 */
public final class HookEndpoints implements Endpoint {
  private final OneConnect.HookHandler oneConnect;

  public HookEndpoints(OneConnect.HookHandler oneConnect) {
    this.oneConnect = oneConnect;
  }

  @Override
  public void mount(Javalin app) {
    app.post(
        "/hooks/oneconnect/{hook}",
        ctx -> {
          BoundedBody.refuseDeclaredOver(ctx, BoundedBody.ONECONNECT_EVENT);
          OneConnect.HookResponse response =
              oneConnect.handle(
                  ctx.pathParam("hook"),
                  ctx.header("Authorization"),
                  () -> BoundedBody.read(ctx, BoundedBody.ONECONNECT_EVENT));
          ctx.status(response.status())
              .contentType("text/plain; charset=utf-8")
              .result(response.text());
        });
  }
}
