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
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Receives 1C-Connect's hook calls: opens the path secret, reads the presented back-auth and has
 * the core check the credentials (in constant time) before the body is read, so a stranger's body
 * is never read or parsed; then checks the body is an event (a line event with {@code message_id}
 * and {@code user_id}; any other {@code event_type} as it is) and hands it to the core, which
 * stores it. Answers 200 only once the event is stored (or known, or its connection is gone) —
 * except a connection's {@link LineEcho}, the user's own text or file coming back from the line,
 * which is answered 200 unstored and counted: nothing would ever be relayed from it.
 */
final class HookEndpoint implements OneConnect.HookHandler {
  static final String MANAGEMENT = "management";
  private static final Logger LOG = LoggerFactory.getLogger(HookEndpoint.class);

  private final InboundGateway gateway;
  private final HookPathSecrets secrets;
  private final LongAdder echoes = new LongAdder();

  HookEndpoint(InboundGateway gateway, HookPathSecrets secrets) {
    this.gateway = gateway;
    this.secrets = secrets;
  }

  /**
   * {@code hook} is the URL's last segment: {@code <hookId>.<secret>} as hooks are registered now,
   * or a bare {@code <hookId>} as older hooks were (those need {@code back_auth}). A secret that
   * does not open is refused before anything else; without an {@code Authorization} header the
   * secret's credentials stand in for the back-auth the service did not send.
   */
  @Override
  public OneConnect.HookResponse handle(String hook, String authorization, Supplier<byte[]> body) {
    if (hook == null || hook.isBlank()) {
      return OneConnect.HookResponse.of(404, "unknown hook");
    }
    int separator = hook.lastIndexOf(HookPathSecrets.SEPARATOR);
    String hookId = separator < 0 ? hook : hook.substring(0, separator);
    Optional<BasicAuth.Presented> fromPath =
        separator < 0 ? Optional.empty() : secrets.open(hookId, hook.substring(separator + 1));
    if (separator >= 0 && fromPath.isEmpty()) {
      LOG.debug("hook {}: call with a wrong path secret refused", LogSafe.of(hookId));
      return OneConnect.HookResponse.of(401, "unauthorized");
    }
    Optional<BasicAuth.Presented> presented = BasicAuth.parse(authorization).or(() -> fromPath);
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
    HookEnvelope envelope = HookEnvelope.of(event);
    Optional<String> messageId;
    Optional<String> userId;
    if (envelope.isLine()) {
      messageId = text(event, "message_id");
      userId = text(event, "user_id");
      if (messageId.isEmpty() || userId.isEmpty()) {
        return OneConnect.HookResponse.of(
            400, messageId.isEmpty() ? "message_id is missing" : "user_id is missing");
      }
      if (!MANAGEMENT.equals(hookId) && LineEcho.is(event, userId.get())) {
        // a row, a claim and a completion per relayed message saved; the management line's own
        // user messages are its dialog, so they are stored
        echoes.increment();
        LOG.debug("hook {}: the user's own message acknowledged unstored", LogSafe.of(hookId));
        return OneConnect.HookResponse.of(200, "echo");
      }
    } else {
      // subscription, subscriber, … and kinds not yet published: never refused (1C-Connect would
      // retry a refusal), stored under a digest of the body, and ignored or used by the decoder
      messageId = Optional.of(envelope.storageId(payload));
      userId = Optional.of(envelope.chatKey(event));
    }
    RawEvent raw = new RawEvent(messageId.get(), userId.get(), payload);
    // correlation ids for what is logged about this event (keys as the launcher's); both come
    // from outside, so escaped to one short line
    if (!MANAGEMENT.equals(hookId)) {
      MDC.put("connection", LogSafe.of(hookId));
    }
    MDC.put("line_message_id", LogSafe.of(messageId.get()));
    try {
      return answer(hookId, admission.accept(raw));
    } catch (GatewayFailure failure) {
      return unavailable(hookId, "event " + messageId.get() + " not stored", failure);
    } finally {
      MDC.remove("connection");
      MDC.remove("line_message_id");
    }
  }

  /** Echoes of the users' own messages acknowledged unstored since start. */
  long echoes() {
    return echoes.sum();
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
