package io.omnichannel.max;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnichannel.core.port.in.InboundGateway;
import io.omnichannel.max.Max.WebhookResponse;
import io.omnichannel.messenger.support.WebhookIntake;
import java.io.InputStream;

/**
 * {@code POST /hooks/max/{connectionId}}: the shared intake (the core checks {@code
 * X-Max-Bot-Api-Secret} before the body is opened), answered in MAX's words; a body over {@link
 * #MAX_BODY} bytes is refused unparsed.
 */
final class WebhookEndpoint implements Max.WebhookHandler {
  /** One update is one message with its attachments' URLs: 1 MiB is far more than one needs. */
  static final int MAX_BODY = 1 << 20;

  private final WebhookIntake intake;

  WebhookEndpoint(InboundGateway gateway, ObjectMapper json) {
    this.intake =
        new WebhookIntake(
            gateway,
            json,
            new WebhookIntake.Messenger(
                "MAX", MAX_BODY, UpdateKeys::sourceId, UpdateKeys::chatKey, Redaction::redact));
  }

  @Override
  public WebhookResponse handle(String connectionId, String secretHeader, Max.Body body) {
    WebhookIntake.Body bounded =
        limit -> {
          try (InputStream in = body.open()) {
            return in.readNBytes(limit);
          }
        };
    return switch (intake.handle(connectionId, secretHeader, bounded)) {
      case OK -> WebhookResponse.OK;
      case BAD_REQUEST -> WebhookResponse.BAD_REQUEST;
      case UNAUTHORIZED -> WebhookResponse.UNAUTHORIZED;
      case NOT_FOUND -> WebhookResponse.NOT_FOUND;
      case TOO_LARGE -> WebhookResponse.TOO_LARGE;
      case UNAVAILABLE -> WebhookResponse.UNAVAILABLE;
    };
  }
}
