package io.omnichannel.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnichannel.core.port.in.InboundGateway;
import io.omnichannel.messenger.support.WebhookIntake;
import io.omnichannel.telegram.Telegram.WebhookResponse;
import java.util.function.Supplier;

/**
 * {@code POST /hooks/telegram/{connectionId}}: the shared intake, answered in Telegram's words. The
 * host bounds the body (it reads it for us), so the intake sets no bound of its own.
 */
final class WebhookEndpoint implements Telegram.WebhookHandler {
  private final WebhookIntake intake;

  WebhookEndpoint(InboundGateway gateway, ObjectMapper json) {
    this.intake =
        new WebhookIntake(
            gateway,
            json,
            new WebhookIntake.Messenger(
                "Telegram",
                Integer.MAX_VALUE - 1,
                Receivers::sourceId,
                Receivers::chatKey,
                Redaction::redact));
  }

  @Override
  public WebhookResponse handle(String connectionId, String secretHeader, Supplier<byte[]> body) {
    return switch (intake.handle(connectionId, secretHeader, limit -> body.get())) {
      case OK -> WebhookResponse.OK;
      case BAD_REQUEST, TOO_LARGE -> WebhookResponse.BAD_REQUEST;
      case UNAUTHORIZED -> WebhookResponse.UNAUTHORIZED;
      case NOT_FOUND -> WebhookResponse.NOT_FOUND;
      case UNAVAILABLE -> WebhookResponse.UNAVAILABLE;
    };
  }
}
