package io.omnichannel.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnichannel.core.domain.ConnectionId;
import io.omnichannel.core.domain.LogSafe;
import io.omnichannel.core.port.in.Admission;
import io.omnichannel.core.port.in.InboundGateway;
import io.omnichannel.core.port.in.InboundGateway.Acceptance;
import io.omnichannel.core.port.in.RawEvent;
import io.omnichannel.telegram.Telegram.WebhookResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * {@code POST /hooks/telegram/{connectionId}}, framework-free. Checks the secret before it reads
 * the body, so a stranger's body is never read or parsed. Answers 200 only once the core stored the
 * update (or knows it, or dropped it for a disconnected bot), so Telegram retries everything else.
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
  public WebhookResponse handle(String connectionId, String secretHeader, Supplier<byte[]> body) {
    if (connectionId == null || connectionId.isBlank()) {
      return WebhookResponse.NOT_FOUND;
    }
    Admission admission;
    try {
      admission = gateway.admitWebhookUpdate(new ConnectionId(connectionId), secretHeader);
    } catch (RuntimeException storageFailed) {
      return unavailable(connectionId, "webhook call not checked", storageFailed);
    }
    if (admission instanceof Admission.Answered answered) {
      return answer(connectionId, answered.acceptance());
    }
    byte[] bytes = body.get();
    JsonNode update;
    try {
      update = json.readTree(bytes);
    } catch (IOException malformed) {
      update = null;
    }
    if (update == null || !update.isObject() || !update.path("update_id").isIntegralNumber()) {
      LOG.warn("connection {}: webhook body is not a Telegram update", LogSafe.of(connectionId));
      return WebhookResponse.BAD_REQUEST;
    }
    RawEvent raw =
        new RawEvent(
            update.get("update_id").asText(),
            Receivers.chatKey(update),
            new String(bytes, StandardCharsets.UTF_8));
    // correlation ids for what is logged about this update (keys as the launcher's)
    MDC.put("connection", LogSafe.of(connectionId));
    MDC.put("update_id", raw.sourceId());
    try {
      return answer(connectionId, admission.accept(raw));
    } catch (RuntimeException storageFailed) {
      return unavailable(connectionId, "update " + raw.sourceId() + " not stored", storageFailed);
    } finally {
      MDC.remove("connection");
      MDC.remove("update_id");
    }
  }

  private static WebhookResponse answer(String connectionId, Acceptance acceptance) {
    switch (acceptance) {
      case STORED:
      case DUPLICATE:
      case DISCONNECTED:
        return WebhookResponse.OK;
      case UNAUTHORIZED:
        // a stranger's call: at debug, so that junk cannot flood the log
        LOG.debug(
            "connection {}: webhook call with a wrong or missing secret refused",
            LogSafe.of(connectionId));
        return WebhookResponse.UNAUTHORIZED;
      case INVALID:
        return WebhookResponse.BAD_REQUEST;
      default:
        return WebhookResponse.NOT_FOUND;
    }
  }

  private static WebhookResponse unavailable(
      String connectionId, String what, RuntimeException failure) {
    LOG.warn(
        "connection {}: {}, Telegram will retry: {}",
        LogSafe.of(connectionId),
        LogSafe.of(what),
        LogSafe.of(Redaction.redact(failure.getMessage())));
    return WebhookResponse.UNAVAILABLE;
  }
}
