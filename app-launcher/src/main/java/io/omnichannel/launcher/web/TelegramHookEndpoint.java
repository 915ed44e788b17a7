package io.omnichannel.launcher.web;

import io.javalin.Javalin;
import io.omnichannel.telegram.Telegram;

/**
 * Mounts the Telegram adapter's framework-free webhook handler: {@code POST
 * /hooks/telegram/{connection}}. The handler checks the caller before it asks for the body, which
 * is read here within its limit, and answers only after the update is stored.
 */
public final class TelegramHookEndpoint implements Endpoint {
  private final Telegram.WebhookHandler telegram;

  public TelegramHookEndpoint(Telegram.WebhookHandler telegram) {
    this.telegram = telegram;
  }

  @Override
  public void mount(Javalin app) {
    app.post(
        "/hooks/telegram/{connection}",
        ctx -> {
          BoundedBody.refuseDeclaredOver(ctx, BoundedBody.TELEGRAM_UPDATE);
          Telegram.WebhookResponse response =
              telegram.handle(
                  ctx.pathParam("connection"),
                  ctx.header("X-Telegram-Bot-Api-Secret-Token"),
                  () -> BoundedBody.read(ctx, BoundedBody.TELEGRAM_UPDATE));
          ctx.status(response.status()).contentType("application/json").result(response.body());
        });
  }
}
