package io.omnichannel.oneconnect;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnichannel.core.domain.failure.ApiAccountRejected;
import io.omnichannel.core.domain.failure.PlatformFailure;
import io.omnichannel.core.domain.failure.PlatformRejected;
import io.omnichannel.core.domain.failure.PlatformUnavailable;
import io.omnichannel.core.port.out.DeliveryOutcome;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;

/**
 * Turns a refused push-API call into the core's failure: 401 → account rejected; 403 with
 * 1C-Connect's error text → a {@link Refusal} carrying the {@link DeliveryOutcome} (not a
 * subscriber, line switched off, tariff option off) that a delivery returns instead; 5xx and 429 →
 * unavailable (retryable); anything else → {@link PlatformRejected} with code {@code "HTTP
 * <status>: <error text>"}. Messages carry the operation and the server's error text, never a
 * request header.
 */
final class PlatformErrors {
  static final String NOT_FOUND_PREFIX = "HTTP 404";
  private static final int MAX_TEXT = 200;

  private PlatformErrors() {}

  /**
   * A refusal the core takes as a {@link DeliveryOutcome}, not as a failure: thrown through the
   * clients, caught by a delivery into the line and returned. Should one escape another call, it is
   * a failure that a retry does not help.
   */
  static final class Refusal extends PlatformFailure {
    private final transient DeliveryOutcome outcome;

    Refusal(String message, DeliveryOutcome outcome) {
      super(message);
      this.outcome = outcome;
    }

    DeliveryOutcome outcome() {
      return outcome;
    }

    @Override
    public boolean retryable() {
      return false;
    }
  }

  static PlatformFailure of(String operation, int status, byte[] body) {
    String error = errorText(body);
    if (status == 401) {
      return new ApiAccountRejected(
          operation + ": 1C-Connect rejected the API account's login or password (401)");
    }
    if (status >= 500 || status == 429 || status == 408) {
      return new PlatformUnavailable(operation + ": 1C-Connect answered " + status);
    }
    if (status == 403 && error != null) {
      String lower = error.toLowerCase(Locale.ROOT);
      if (lower.contains("not a subscriber")) {
        return new Refusal(operation + ": " + error, new DeliveryOutcome.NotASubscriber());
      }
      if (lower.contains("switched off")) {
        return new Refusal(operation + ": " + error, new DeliveryOutcome.UserBanned());
      }
      if (lower.contains("option is not active")) {
        return new Refusal(operation + ": " + error, new DeliveryOutcome.TariffOptionOff());
      }
    }
    return new PlatformRejected(operation, "HTTP " + status + (error == null ? "" : ": " + error));
  }

  static PlatformUnavailable unreachable(String operation, IOException cause) {
    return new PlatformUnavailable(
        operation + ": 1C-Connect did not answer (" + cause.getClass().getSimpleName() + ")",
        cause);
  }

  /**
   * Sends on the JDK client; no answer (I/O failure or interruption) becomes {@link
   * PlatformUnavailable}.
   */
  static <T> HttpResponse<T> send(
      HttpClient http, HttpRequest request, HttpResponse.BodyHandler<T> handler, String operation) {
    try {
      return http.send(request, handler);
    } catch (IOException e) {
      throw unreachable(operation, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unreachable(operation, new IOException("interrupted"));
    }
  }

  static boolean isNotFound(PlatformRejected rejected) {
    return rejected.code().startsWith(NOT_FOUND_PREFIX);
  }

  /**
   * The {@code error} of a {@code {"error": …}} body, shortened; null for an empty or other body.
   */
  private static String errorText(byte[] body) {
    if (body == null || body.length == 0) {
      return null;
    }
    try {
      JsonNode node = Wire.JSON.readTree(body);
      JsonNode error = node == null ? null : node.get("error");
      if (error == null || !error.isTextual()) {
        return null;
      }
      String text = error.asText().replaceAll("[\\r\\n\\t]", " ");
      return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "…";
    } catch (IOException notJson) {
      return null;
    }
  }
}
