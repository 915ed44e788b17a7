package io.omnichannel.max;

import io.omnichannel.testkit.support.HookServer;
import java.net.URI;

/**
 * What the launcher does for the adapter: mounts the webhook handler at {@code /hooks/max/{id}}.
 */
final class WebhookServer implements AutoCloseable {
  private final HookServer server;

  WebhookServer(Max.WebhookHandler handler) {
    server =
        new HookServer(
            "/hooks/max/",
            (connection, headers, body) -> {
              Max.WebhookResponse response =
                  handler.handle(connection, headers.getFirst("X-Max-Bot-Api-Secret"), () -> body);
              return new HookServer.Answer(response.status(), response.body());
            });
  }

  URI base() {
    return server.base();
  }

  @Override
  public void close() {
    server.close();
  }
}
