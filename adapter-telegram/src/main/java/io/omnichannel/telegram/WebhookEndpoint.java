package io.omnichannel.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnichannel.core.domain.ConnectionId;
import io.omnichannel.core.port.in.InboundGateway;
import io.omnichannel.core.port.in.InboundGateway.Acceptance;
import io.omnichannel.core.port.in.RawEvent;
import io.omnichannel.telegram.Telegram.WebhookResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /hooks/telegram/{connectionId}}, framework-free. Answers 200 only once the core
 * stored the update (or knows it, or dropped it for a disconnected bot), so Telegram retries
 * everything else.
 */
final class WebhookEndpoint implements Telegram.WebhookHandler {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookEndpoint.class);

  private final InboundGateway gateway;
  private final ObjectMapper json;

  WebhookEndpoint(InboundGateway gateway, ObjectMapper json) {
    this.gateway = gateway;
    this.json = json;
  }

  @Override
  public WebhookResponse handle(String connectionId, String secretHeader, byte[] body) {
    if (connectionId == null || connectionId.isBlank()) {
      return WebhookResponse.NOT_FOUND;
    }
    JsonNode update;
    try {
      update = body == null ? null : json.readTree(body);
    } catch (IOException malformed) {
      update = null;
    }
    if (update == null || !update.isObject() || !update.path("update_id").isIntegralNumber()) {
      LOG.warn("connection {}: webhook body is not a Telegram update", connectionId);
      return WebhookResponse.BAD_REQUEST;
    }
    RawEvent raw =
        new RawEvent(
            update.get("update_id").asText(),
            Receivers.chatKey(update),
            new String(body, StandardCharsets.UTF_8));
    Acceptance acceptance;
    try {
      acceptance = gateway.acceptWebhookUpdate(new ConnectionId(connectionId), secretHeader, raw);
    } catch (RuntimeException storageFailed) {
      LOG.warn(
          "connection {}: update {} not stored, Telegram will retry: {}",
          connectionId,
          raw.sourceId(),
          Redaction.redact(storageFailed.getMessage()));
      return WebhookResponse.UNAVAILABLE;
    }
    switch (acceptance) {
      case STORED:
      case DUPLICATE:
      case DISCONNECTED:
        return WebhookResponse.OK;
      case UNAUTHORIZED:
        LOG.warn(
            "connection {}: webhook call with a wrong or missing secret refused", connectionId);
        return WebhookResponse.UNAUTHORIZED;
      default:
        return WebhookResponse.NOT_FOUND;
    }
  }
}
