package io.omnichannel.max;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnichannel.core.domain.failure.ChannelFailure;
import io.omnichannel.core.domain.failure.ChannelUnavailable;
import io.omnichannel.core.domain.failure.InvalidBotToken;
import io.omnichannel.core.domain.failure.RateLimited;
import io.omnichannel.core.port.out.SendOutcome;
import io.omnichannel.messenger.support.Undeliverable;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The one translation of a MAX refusal (an HTTP status with {@code {"code", "message"}} or {@code
 * {"error"}}) into the core's failures, or into an {@link Undeliverable} carrying the {@link
 * SendOutcome} a send returns instead. Used by the Feign error decoder and by the JDK client (long
 * polls, uploads, downloads) alike.
 */
final class MaxErrors {
  /** When MAX says 429 without saying how long: MAX documents no {@code Retry-After}. */
  static final Duration DEFAULT_RETRY = Duration.ofSeconds(1);

  private MaxErrors() {}

  /** A refusal that is none of the core's typed ones (400 bad request, 404 method.not.found …). */
  static final class Refused extends ChannelFailure {
    private final int status;
    private final String code;

    Refused(int status, String code, String message) {
      super(message);
      this.status = status;
      this.code = code;
    }

    int status() {
      return status;
    }

    String code() {
      return code;
    }

    @Override
    public boolean retryable() {
      return false;
    }
  }

  /**
   * 400 {@code attachment.not.ready}: the uploaded file is still being processed. The sender tries
   * again a few times; should it still fail, the core's queue retries later.
   */
  static final class AttachmentNotReady extends ChannelFailure {
    AttachmentNotReady(String message) {
      super(message);
    }

    @Override
    public boolean retryable() {
      return true;
    }
  }

  /**
   * @param retryAfter the {@code Retry-After} header, if any
   */
  static ChannelFailure decode(
      String method, int status, Optional<String> retryAfter, byte[] body, ObjectMapper json) {
    JsonNode node = parse(body, json);
    String code = node.path("code").asText("");
    String message = node.path("message").asText(node.path("error").asText(""));
    String what = method + ": " + status + (code.isEmpty() ? "" : " " + code);
    if (!message.isEmpty()) {
      what = what + " " + Redaction.redact(message);
    }
    String lowerCode = code.toLowerCase(Locale.ROOT);
    String lower = message.toLowerCase(Locale.ROOT);
    if (status == 429 || lowerCode.contains("too.many")) {
      return new RateLimited(retryAfter.flatMap(MaxErrors::seconds).orElse(DEFAULT_RETRY));
    }
    if ("attachment.not.ready".equals(lowerCode)) {
      return new AttachmentNotReady(what);
    }
    if (status == 401 || "verify.token".equals(lowerCode)) {
      return new InvalidBotToken(what);
    }
    if ("chat.denied".equals(lowerCode)
        || lower.contains("dialog.suspended")
        || lower.contains("bot.blocked")
        || status == 403 && lower.contains("blocked")) {
      return new Undeliverable(what, new SendOutcome.RecipientBlocked());
    }
    if ("chat.not.found".equals(lowerCode)
        || status == 404 && ("not.found".equals(lowerCode) || lower.contains("chat"))) {
      return new Undeliverable(what, new SendOutcome.ChatNotFound());
    }
    if (status == 413 || lower.contains("too large") || lower.contains("too big")) {
      return new Undeliverable(what, new SendOutcome.TooLarge());
    }
    if (status >= 500 || status == 0) {
      return new ChannelUnavailable(what);
    }
    return new Refused(status, code, what);
  }

  /** A {@code {"success":false,"message":…}} answer with 200 to one of the "simple" calls. */
  static Refused unsuccessful(String method, JsonNode answer) {
    return new Refused(
        200,
        "success.false",
        method + ": not done " + Redaction.redact(answer.path("message").asText("")));
  }

  static ChannelUnavailable io(String method, Throwable cause) {
    return new ChannelUnavailable(
        method
            + ": "
            + cause.getClass().getSimpleName()
            + " "
            + Redaction.redact(String.valueOf(cause.getMessage())));
  }

  private static Optional<Duration> seconds(String header) {
    try {
      long seconds = Long.parseLong(header.strip());
      return seconds > 0 && seconds < 86_400
          ? Optional.of(Duration.ofSeconds(seconds))
          : Optional.empty();
    } catch (NumberFormatException notSeconds) {
      return Optional.empty();
    }
  }

  private static JsonNode parse(byte[] body, ObjectMapper json) {
    if (body == null || body.length == 0) {
      return json.createObjectNode();
    }
    try {
      JsonNode node = json.readTree(body);
      return node == null || !node.isObject() ? json.createObjectNode() : node;
    } catch (IOException notJson) {
      return json.createObjectNode();
    }
  }
}
