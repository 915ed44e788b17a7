package io.omnichannel.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnichannel.core.domain.ChatId;
import io.omnichannel.core.domain.failure.ChannelFailure;
import io.omnichannel.core.domain.failure.ChannelUnavailable;
import io.omnichannel.core.domain.failure.InvalidBotToken;
import io.omnichannel.core.domain.failure.RateLimited;
import io.omnichannel.core.port.out.SendOutcome;
import io.omnichannel.messenger.support.Undeliverable;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;

/**
 * The one translation of a Bot API refusal ({@code {"ok":false,…}} with its HTTP status) into the
 * core's failures, or into an {@link Undeliverable} carrying the {@link SendOutcome} a send returns
 * instead. Used by the Feign error decoder and by the asynchronous client alike.
 */
final class ApiErrors {
  private static final java.util.regex.Pattern RETRY_AFTER =
      java.util.regex.Pattern.compile("retry after (\\d{1,6})");

  private ApiErrors() {}

  /**
   * A refusal that is not one of the typed ones (e.g. 400 "message text is empty", 409 Conflict).
   */
  static final class Refused extends ChannelFailure {
    private final int status;

    Refused(int status, String message) {
      super(message);
      this.status = status;
    }

    int status() {
      return status;
    }

    @Override
    public boolean retryable() {
      return status == 409;
    }
  }

  static ChannelFailure decode(String method, int status, byte[] body, ObjectMapper json) {
    JsonNode node = parse(body, json);
    String description = Redaction.redact(node.path("description").asText(""));
    int code = node.path("error_code").asInt(status);
    JsonNode parameters = node.path("parameters");
    String what = method + ": " + code + " " + description;
    if (parameters.hasNonNull("migrate_to_chat_id")) {
      ChatId moved = new ChatId(parameters.get("migrate_to_chat_id").asText());
      return new Undeliverable(what, new SendOutcome.ChatMoved(moved));
    }
    if (code == 429) {
      long seconds = parameters.path("retry_after").asLong(0);
      java.util.regex.Matcher said = RETRY_AFTER.matcher(description);
      if (seconds <= 0 && said.find()) {
        seconds = Long.parseLong(said.group(1));
      }
      return new RateLimited(Duration.ofSeconds(Math.max(1, seconds)));
    }
    String lower = description.toLowerCase(Locale.ROOT);
    if (code == 401 || code == 404 && "getme".equalsIgnoreCase(method)) {
      return new InvalidBotToken(what);
    }
    if (code == 403) {
      return new Undeliverable(what, new SendOutcome.RecipientBlocked());
    }
    if (code == 400 && lower.contains("chat not found")) {
      return new Undeliverable(what, new SendOutcome.ChatNotFound());
    }
    if (code == 400 && lower.contains("topic_closed")) {
      return new Undeliverable(what, new SendOutcome.TopicClosed());
    }
    if (code == 400
        && (lower.contains("message thread not found") || lower.contains("topic_deleted"))) {
      return new Undeliverable(what, new SendOutcome.TopicNotFound());
    }
    if (code == 413 || lower.contains("too big") || lower.contains("too large")) {
      return new Undeliverable(what, new SendOutcome.TooLarge());
    }
    if (code >= 500 || code == 0) {
      return new ChannelUnavailable(what);
    }
    return new Refused(code, what);
  }

  static ChannelUnavailable io(String method, Throwable cause) {
    // the cause's message may hold the URL, hence the token: keep only its type
    return new ChannelUnavailable(
        method
            + ": "
            + cause.getClass().getSimpleName()
            + " "
            + Redaction.redact(cause.getMessage()));
  }

  private static JsonNode parse(byte[] body, ObjectMapper json) {
    if (body == null || body.length == 0) {
      return json.createObjectNode();
    }
    try {
      return json.readTree(body);
    } catch (IOException notJson) {
      return json.createObjectNode();
    }
  }
}
