package io.omnichannel.oneconnect;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnichannel.core.domain.ConnectionId;
import io.omnichannel.core.domain.LogSafe;
import io.omnichannel.core.domain.failure.GatewayFailure;
import io.omnichannel.core.port.in.Admission;
import io.omnichannel.core.port.in.InboundGateway;
import io.omnichannel.core.port.in.InboundGateway.Acceptance;
import io.omnichannel.core.port.in.RawEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives 1C-Connect's hook calls: reads the presented back-auth and has the core check it (in
 * constant time) before the body is read, so a stranger's body is never read or parsed; then checks
 * the body is an event with {@code message_id} and {@code user_id} and hands it to the core, which
 * stores it. Answers 200 only once the event is stored (or known, or its connection is gone).
 */
final class HookEndpoint implements OneConnect.HookHandler {
  static final String MANAGEMENT = "management";
  private static final Logger LOG = LoggerFactory.getLogger(HookEndpoint.class);

  private final InboundGateway gateway;

  HookEndpoint(InboundGateway gateway) {
    this.gateway = gateway;
  }

  @Override
  public OneConnect.HookResponse handle(
      String hookId, String authorization, Supplier<byte[]> body) {
    if (hookId == null || hookId.isBlank()) {
      return OneConnect.HookResponse.of(404, "unknown hook");
    }
    Optional<BasicAuth.Presented> presented = BasicAuth.parse(authorization);
    if (presented.isEmpty()) {
      LOG.debug("hook {}: call without readable credentials refused", LogSafe.of(hookId));
      return OneConnect.HookResponse.of(401, "unauthorized");
    }
    String login = presented.get().login();
    String password = presented.get().password();
    Admission admission;
    try {
      admission =
          MANAGEMENT.equals(hookId)
              ? gateway.admitManagementEvent(login, password)
              : gateway.admitLineEvent(new ConnectionId(hookId), login, password);
    } catch (GatewayFailure failure) {
      return unavailable(hookId, "call not checked", failure);
    }
    if (admission instanceof Admission.Answered answered) {
      return answer(hookId, answered.acceptance());
    }
    String payload = new String(body.get(), StandardCharsets.UTF_8);
    JsonNode event;
    try {
      event = Wire.JSON.readTree(payload);
    } catch (IOException malformed) {
      return OneConnect.HookResponse.of(400, "malformed JSON");
    }
    if (event == null || !event.isObject()) {
      return OneConnect.HookResponse.of(400, "a JSON object is expected");
    }
    Optional<String> messageId = text(event, "message_id");
    Optional<String> userId = text(event, "user_id");
    if (messageId.isEmpty() || userId.isEmpty()) {
      return OneConnect.HookResponse.of(
          400, messageId.isEmpty() ? "message_id is missing" : "user_id is missing");
    }
    RawEvent raw = new RawEvent(messageId.get(), userId.get(), payload);
    try {
      return answer(hookId, admission.accept(raw));
    } catch (GatewayFailure failure) {
      return unavailable(hookId, "event " + messageId.get() + " not stored", failure);
    }
  }

  private static OneConnect.HookResponse answer(String hookId, Acceptance acceptance) {
    LOG.debug("hook {}: {}", LogSafe.of(hookId), acceptance);
    switch (acceptance) {
      case STORED:
        return OneConnect.HookResponse.of(200, "stored");
      case DUPLICATE:
        return OneConnect.HookResponse.of(200, "duplicate");
      case DISCONNECTED:
        return OneConnect.HookResponse.of(200, "disconnected");
      case UNAUTHORIZED:
        return OneConnect.HookResponse.of(401, "unauthorized");
      case UNKNOWN_CONNECTION:
        return OneConnect.HookResponse.of(404, "unknown hook");
      case INVALID:
        return OneConnect.HookResponse.of(400, "an id is longer than any this hook takes");
      default:
        throw new IllegalStateException("unhandled acceptance " + acceptance);
    }
  }

  private static OneConnect.HookResponse unavailable(
      String hookId, String what, GatewayFailure failure) {
    LOG.warn(
        "hook {}: {}: {}", LogSafe.of(hookId), LogSafe.of(what), LogSafe.of(failure.getMessage()));
    return OneConnect.HookResponse.of(503, "not stored, retry later");
  }

  private static Optional<String> text(JsonNode event, String field) {
    JsonNode value = event.get(field);
    return value != null && value.isTextual() && !value.asText().isBlank()
        ? Optional.of(value.asText())
        : Optional.empty();
  }
}
