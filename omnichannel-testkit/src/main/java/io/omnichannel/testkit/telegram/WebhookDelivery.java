package io.omnichannel.testkit.telegram;

import java.time.Instant;

/**
 * One POST of an update to a bot's webhook.
 *
 * @param statusCode HTTP status answered, 0 when no answer (refused, timed out)
 * @param error the text getWebhookInfo reports for a failure, null on success
 */
public record WebhookDelivery(
    long updateId,
    long chatId,
    int attempt,
    String url,
    String secretToken,
    int statusCode,
    String error,
    Instant at) {

  public boolean succeeded() {
    return error == null;
  }
}
