package io.omnichannel.max;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnichannel.core.domain.ConnectionId;
import io.omnichannel.core.domain.LogSafe;
import io.omnichannel.core.port.in.Admission;
import io.omnichannel.core.port.in.InboundGateway;
import io.omnichannel.core.port.in.InboundGateway.Acceptance;
import io.omnichannel.core.port.in.RawEvent;
import io.omnichannel.max.Max.WebhookResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * {@code POST /hooks/max/{connectionId}}, framework-free. The core checks {@code
 * X-Max-Bot-Api-Secret} (against the stored hash, in constant time) before the body is opened, so a
 * stranger's body is never read; a body over {@link #MAX_BODY} bytes is refused unparsed. Answers
 * 200 only once the core stored the update (or knows it), so MAX retries everything else.
 */
final class WebhookEndpoint implements Max.WebhookHandler {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookEndpoint.class);

  /** One update is one message with its attachments' URLs: 1 MiB is far more than one needs. */
  static final int MAX_BODY = 1 << 20;

  private final InboundGateway gateway;
  private final ObjectMapper json;

  WebhookEndpoint(InboundGateway gateway, ObjectMapper json) {
    this.gateway = gateway;
    this.json = json;
  }

  @Override
  public WebhookResponse handle(String connectionId, String secretHeader, Max.Body body) {
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
    byte[] bytes;
    try (InputStream in = body.open()) {
      bytes = in.readNBytes(MAX_BODY + 1);
    } catch (IOException broken) {
      return WebhookResponse.BAD_REQUEST;
    }
    if (bytes.length > MAX_BODY) {
      LOG.warn(
          "connection {}: webhook body over {} bytes refused", LogSafe.of(connectionId), MAX_BODY);
      return WebhookResponse.TOO_LARGE;
    }
    JsonNode update;
    try {
      update = json.readTree(bytes);
    } catch (IOException malformed) {
      update = null;
    }
    Optional<String> key = UpdateKeys.sourceId(update);
    if (key.isEmpty()) {
      LOG.warn("connection {}: webhook body is not a MAX update", LogSafe.of(connectionId));
      return WebhookResponse.BAD_REQUEST;
    }
    RawEvent raw =
        new RawEvent(
            key.get(), UpdateKeys.chatKey(update), new String(bytes, StandardCharsets.UTF_8));
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
        "connection {}: {}, MAX will retry: {}",
        LogSafe.of(connectionId),
        LogSafe.of(what),
        LogSafe.of(Redaction.redact(failure.getMessage())));
    return WebhookResponse.UNAVAILABLE;
  }
}
