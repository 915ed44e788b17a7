package io.omnichannel.testkit.oneconnect;

import java.time.Instant;

/**
 * One attempt to POST an event to a hook. {@code status} is the HTTP status, or -1 when no answer
 * came ({@code error} then says why).
 */
public record DeliveryAttempt(
    long seq,
    Instant at,
    String hookId,
    String url,
    String messageId,
    int messageType,
    int attempt,
    int status,
    String error,
    Outcome outcome) {

  /**
   * {@code WILL_RETRY}: failed, another attempt is scheduled; {@code GAVE_UP}: failed for the last
   * time.
   */
  public enum Outcome {
    DELIVERED,
    WILL_RETRY,
    GAVE_UP
  }
}
