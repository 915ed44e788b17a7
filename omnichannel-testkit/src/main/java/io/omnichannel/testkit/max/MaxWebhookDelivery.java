package io.omnichannel.testkit.max;

import java.time.Instant;

/**
 * One webhook POST the emulator made.
 *
 * @param updateType the delivered Update's {@code update_type}
 * @param attempt 1 for the first try, 2 for the first retry …
 * @param secret the {@code X-Max-Bot-Api-Secret} sent, null when none
 * @param status the HTTP status answered, 0 when none (refused, timed out)
 * @param error null when answered 200
 * @param body the Update JSON as posted
 */
public record MaxWebhookDelivery(
    String updateType,
    int attempt,
    String url,
    String secret,
    int status,
    String error,
    String body,
    Instant at) {}
