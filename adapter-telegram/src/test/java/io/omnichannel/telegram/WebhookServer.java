package io.omnichannel.telegram;

import io.omnichannel.testkit.support.HookServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;

/**
 * What the launcher does for the adapter: mounts the webhook handler at {@code
 * /hooks/telegram/{id}}, reading the body for it.
 */
final class WebhookServer implements AutoCloseable {
  private final HookServer server;

  WebhookServer(Telegram.WebhookHandler handler) {
    server =
        new HookServer(
            "/hooks/telegram/",
            (connection, headers, body) -> {
              Telegram.WebhookResponse response =
                  handler.handle(
                      connection,
                      headers.getFirst("X-Telegram-Bot-Api-Secret-Token"),
                      () -> readAll(body));
              return new HookServer.Answer(response.status(), response.body());
            });
  }

  private static byte[] readAll(InputStream body) {
    try (InputStream in = body) {
      return in.readAllBytes();
    } catch (IOException broken) {
      throw new UncheckedIOException(broken);
    }
  }

  URI base() {
    return server.base();
  }

  @Override
  public void close() {
    server.close();
  }
}
