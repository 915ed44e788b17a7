package io.omnichannel.messenger.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnichannel.core.domain.ConnectionId;
import io.omnichannel.core.domain.LogSafe;
import io.omnichannel.core.port.in.Admission;
import io.omnichannel.core.port.in.InboundGateway;
import io.omnichannel.core.port.in.InboundGateway.Acceptance;
import io.omnichannel.core.port.in.RawEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * A messenger's webhook call, framework-free. The core checks the secret header (against the stored
 * hash, in constant time) before the body is read, so a stranger's body is never read or parsed; a
 * body over the messenger's bound is refused unparsed. The verdict is OK only once the core stored
 * the update (or knows it, or dropped it for a disconnected bot), so the messenger retries
 * everything else.
 */
public final class WebhookIntake {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookIntake.class);

  private final InboundGateway gateway;
  private final ObjectMapper json;
  private final Messenger messenger;

  /** What to answer; each adapter says it in its messenger's words. */
  public enum Verdict {
    OK,
    BAD_REQUEST,
    UNAUTHORIZED,
    NOT_FOUND,
    TOO_LARGE,
    UNAVAILABLE
  }

  /** The request body, read only once the secret was found right. */
  @FunctionalInterface
  public interface Body {
    /**
     * Reads the body, or at least {@code limit} bytes of it when it is longer; what it throws
     * unchecked (a host refusing the body) is left to the host.
     */
    byte[] read(int limit) throws IOException;
  }

  /**
   * @param name the messenger, for the log
   * @param maxBody the longest body read and parsed, in bytes
   * @param sourceId an update's key for the inbox; empty when the JSON (maybe null) is no update
   * @param chatKey the chat an update belongs to, for the order of its processing
   * @param redaction cleans a text of tokens before it is logged
   */
  public record Messenger(
      String name,
      int maxBody,
      Function<JsonNode, Optional<String>> sourceId,
      Function<JsonNode, String> chatKey,
      UnaryOperator<String> redaction) {
    public Messenger {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(sourceId, "sourceId");
      Objects.requireNonNull(chatKey, "chatKey");
      Objects.requireNonNull(redaction, "redaction");
      if (maxBody < 1 || maxBody == Integer.MAX_VALUE) {
        throw new IllegalArgumentException("maxBody must be 1..2^31-2");
      }
    }
  }

  public WebhookIntake(InboundGateway gateway, ObjectMapper json, Messenger messenger) {
    this.gateway = Objects.requireNonNull(gateway, "gateway");
    this.json = Objects.requireNonNull(json, "json");
    this.messenger = Objects.requireNonNull(messenger, "messenger");
  }

  public Verdict handle(String connectionId, String secretHeader, Body body) {
    if (connectionId == null || connectionId.isBlank()) {
      return Verdict.NOT_FOUND;
    }
    Admission admission;
    try {
      admission = gateway.admitWebhookUpdate(new ConnectionId(connectionId), secretHeader);
    } catch (RuntimeException storageFailed) {
      return unavailable(connectionId, "webhook call not checked", storageFailed);
    }
    if (admission instanceof Admission.Answered answered) {
      return verdict(connectionId, answered.acceptance());
    }
    byte[] bytes;
    try {
      bytes = body.read(messenger.maxBody() + 1);
    } catch (IOException broken) {
      return Verdict.BAD_REQUEST;
    }
    if (bytes.length > messenger.maxBody()) {
      LOG.warn(
          "connection {}: webhook body over {} bytes refused",
          LogSafe.of(connectionId),
          messenger.maxBody());
      return Verdict.TOO_LARGE;
    }
    JsonNode update;
    try {
      update = json.readTree(bytes);
    } catch (IOException malformed) {
      update = null;
    }
    Optional<String> key = messenger.sourceId().apply(update);
    if (key.isEmpty()) {
      LOG.warn(
          "connection {}: webhook body is not a {} update",
          LogSafe.of(connectionId),
          messenger.name());
      return Verdict.BAD_REQUEST;
    }
    RawEvent raw =
        new RawEvent(
            key.get(),
            messenger.chatKey().apply(update),
            new String(bytes, StandardCharsets.UTF_8));
    // correlation ids for what is logged about this update (keys as the launcher's)
    MDC.put("connection", LogSafe.of(connectionId));
    MDC.put("update_id", raw.sourceId());
    try {
      return verdict(connectionId, admission.accept(raw));
    } catch (RuntimeException storageFailed) {
      return unavailable(connectionId, "update " + raw.sourceId() + " not stored", storageFailed);
    } finally {
      MDC.remove("connection");
      MDC.remove("update_id");
    }
  }

  private static Verdict verdict(String connectionId, Acceptance acceptance) {
    switch (acceptance) {
      case STORED:
      case DUPLICATE:
      case DISCONNECTED:
        return Verdict.OK;
      case UNAUTHORIZED:
        // a stranger's call: at debug, so that junk cannot flood the log
        LOG.debug(
            "connection {}: webhook call with a wrong or missing secret refused",
            LogSafe.of(connectionId));
        return Verdict.UNAUTHORIZED;
      case INVALID:
        return Verdict.BAD_REQUEST;
      default:
        return Verdict.NOT_FOUND;
    }
  }

  private Verdict unavailable(String connectionId, String what, RuntimeException failure) {
    LOG.warn(
        "connection {}: {}, {} will retry: {}",
        LogSafe.of(connectionId),
        LogSafe.of(what),
        messenger.name(),
        LogSafe.of(messenger.redaction().apply(failure.getMessage())));
    return Verdict.UNAVAILABLE;
  }
}
