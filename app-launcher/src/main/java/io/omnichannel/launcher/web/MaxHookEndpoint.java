package io.omnichannel.launcher.web;

import io.javalin.Javalin;
import io.omnichannel.max.Max;
import java.io.ByteArrayInputStream;

/**
 * Mounts the MAX adapter's framework-free webhook handler: {@code POST /hooks/max/{connection}}.
 * The handler checks the secret ({@code X-Max-Bot-Api-Secret}) before it asks for the body, which
 * is read here within its limit, and answers only after the update is stored.
 */
public final class MaxHookEndpoint implements Endpoint {
  private final Max.WebhookHandler max;

  public MaxHookEndpoint(Max.WebhookHandler max) {
    this.max = max;
  }

  @Override
  public void mount(Javalin app) {
    app.post(
        "/hooks/max/{connection}",
        ctx -> {
          BoundedBody.refuseDeclaredOver(ctx, BoundedBody.MAX_UPDATE);
          Max.WebhookResponse response =
              max.handle(
                  ctx.pathParam("connection"),
                  ctx.header("X-Max-Bot-Api-Secret"),
                  () -> new ByteArrayInputStream(BoundedBody.read(ctx, BoundedBody.MAX_UPDATE)));
          ctx.status(response.status()).contentType("application/json").result(response.body());
        });
  }
}
