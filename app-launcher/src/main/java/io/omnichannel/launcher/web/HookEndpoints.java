package io.omnichannel.launcher.web;

import io.javalin.Javalin;
import io.omnichannel.oneconnect.OneConnect;
import io.omnichannel.telegram.Telegram;

/**
 * Mounts the adapters' framework-free hook handlers: {@code POST /hooks/telegram/{connection}} and
 * {@code POST /hooks/oneconnect/{hook}}. The handlers check the caller before they ask for the
 * body, which is read here within its limit, and answer only after the event is stored.
 */
public final class HookEndpoints implements Endpoint {
  private final Telegram.WebhookHandler telegram;
  private final OneConnect.HookHandler oneConnect;

  public HookEndpoints(Telegram.WebhookHandler telegram, OneConnect.HookHandler oneConnect) {
    this.telegram = telegram;
    this.oneConnect = oneConnect;
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
