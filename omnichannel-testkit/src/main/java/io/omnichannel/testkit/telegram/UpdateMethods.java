package io.omnichannel.testkit.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/** getUpdates, setWebhook, deleteWebhook, getWebhookInfo. */
final class UpdateMethods {
  private static final Pattern SECRET_TOKEN = Pattern.compile("[A-Za-z0-9_-]{1,256}");
  private static final long MAX_POLL_TIMEOUT_SECONDS = 50;

  CompletableFuture<JsonNode> getUpdates(Bot bot, RequestParams params) {
    long offset = params.longOr("offset", 0);
    long limit = params.longOr("limit", 100);
    long timeout = params.longOr("timeout", 0);
    Set<String> allowed = AllowedUpdates.parse(params.json("allowed_updates"));
    int boundedLimit = (int) Math.max(1, Math.min(100, limit));
    long boundedTimeout = Math.max(0, Math.min(MAX_POLL_TIMEOUT_SECONDS, timeout));
    return bot.updates.poll(offset, boundedLimit, boundedTimeout, allowed);
  }

  Answer setWebhook(Bot bot, RequestParams params) {
    String url = params.string("url");
    if (url == null || url.isEmpty()) {
      return deleteWebhook(bot, params);
    }
    checkUrl(url);
    String secret = params.string("secret_token");
    if (secret != null && !SECRET_TOKEN.matcher(secret).matches()) {
      throw ApiError.badRequest("secret token contains unallowed characters");
    }
    int maxConnections = (int) params.longOr("max_connections", 40);
    if (maxConnections < 1 || maxConnections > 100) {
      throw ApiError.badRequest("bad webhook: max_connections must be between 1 and 100");
    }
    Set<String> allowed = AllowedUpdates.parse(params.json("allowed_updates"));
    WebhookConfig previous = bot.updates.webhook();
    if (allowed == null && previous != null) {
      allowed = previous.allowedUpdates();
    }
    if (previous == null || !previous.url().equals(url)) {
      bot.webhook.clearErrors();
    }
    bot.updates.setWebhook(
        new WebhookConfig(url, secret, maxConnections, allowed),
        params.bool("drop_pending_updates"));
    return Answer.described(
        true,
        previous != null && previous.url().equals(url)
            ? "Webhook is already set"
            : "Webhook was set");
  }

  Answer deleteWebhook(Bot bot, RequestParams params) {
    boolean hadWebhook = bot.updates.deleteWebhook(params.bool("drop_pending_updates"));
    bot.webhook.clearErrors();
    return Answer.described(
        true, hadWebhook ? "Webhook was deleted" : "Webhook is already deleted");
  }

  JsonNode getWebhookInfo(Bot bot, RequestParams params) {
    WebhookConfig config = bot.updates.webhook();
    ObjectNode info = Json.object();
    info.put("url", config == null ? "" : config.url());
    info.put("has_custom_certificate", false);
    info.put("pending_update_count", bot.updates.pendingCount());
    if (config != null) {
      if (bot.webhook.lastErrorMessage() != null) {
        info.put("last_error_date", bot.webhook.lastErrorDate());
        info.put("last_error_message", bot.webhook.lastErrorMessage());
      }
      info.put("max_connections", config.maxConnections());
      info.put("ip_address", "127.0.0.1");
      if (config.allowedUpdates() != null && !config.allowedUpdates().isEmpty()) {
        info.set("allowed_updates", Json.MAPPER.valueToTree(config.allowedUpdates()));
      }
    }
    return info;
  }

  /** http:// is accepted (unlike the real service) so tests can run a plain local receiver. */
  private static void checkUrl(String url) {
    try {
      URI uri = URI.create(url);
      String scheme = uri.getScheme();
      if (uri.getHost() == null || !("https".equals(scheme) || "http".equals(scheme))) {
        throw ApiError.badRequest("bad webhook: HTTPS url must be provided for webhook");
      }
    } catch (IllegalArgumentException malformed) {
      throw ApiError.badRequest("bad webhook: Failed to resolve host: Name or service not known");
    }
  }
}
