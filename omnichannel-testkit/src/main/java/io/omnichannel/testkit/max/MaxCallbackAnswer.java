package io.omnichannel.testkit.max;

/**
 * A {@code POST /answers} the bot made.
 *
 * @param notification the one-off toast, null when none
 * @param message the replacement {@code NewMessageBody} JSON, null when none
 */
public record MaxCallbackAnswer(String callbackId, String notification, String message) {}
