package io.omnichannel.testkit.telegram;

import java.util.Set;

/**
 * A bot's current webhook as set by setWebhook. {@code allowedUpdates} null = the default kinds.
 */
record WebhookConfig(
    String url, String secretToken, int maxConnections, Set<String> allowedUpdates) {}
