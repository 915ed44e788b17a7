package io.omnichannel.testkit.telegram;

import java.net.http.HttpClient;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;

/** The bots of one emulator by token; revoked bots stay for inspection but answer 401. */
final class BotRegistry {
  private final Map<String, Bot> byToken = new ConcurrentHashMap<>();
  private final AtomicLong nextBotId = new AtomicLong(7_000_000_000L);
  private final TelegramEmulatorConfig config;
  private final HttpClient http;
  private final ScheduledExecutorService scheduler;

  BotRegistry(TelegramEmulatorConfig config, HttpClient http, ScheduledExecutorService scheduler) {
    this.config = config;
    this.http = http;
    this.scheduler = scheduler;
  }

  String newToken() {
    return Tokens.generate(nextBotId.incrementAndGet());
  }

  Bot create(BotInfo info) {
    UpdateQueue updates = new UpdateQueue(config.pendingUpdatesPerBot(), scheduler);
    WebhookDispatcher webhook =
        new WebhookDispatcher(
            updates, http, scheduler, config.webhookRetry(), config.deliveriesPerBot());
    Bot bot =
        new Bot(
            info,
            updates,
            webhook,
            new SendRateLimiter(config.rateLimits(), config.ticker()),
            config.historyPerChat());
    if (byToken.putIfAbsent(info.token(), bot) != null) {
      throw new IllegalArgumentException("a bot with this token exists already");
    }
    return bot;
  }

  /** For Bot API calls: unknown and revoked tokens are the real 401. */
  Bot authorized(String token) {
    Bot bot = byToken.get(token);
    if (bot == null || bot.isRevoked()) {
      throw ApiError.unauthorized();
    }
    return bot;
  }

  /** For the control API: any bot ever created. */
  Bot existing(String token) {
    Bot bot = byToken.get(token);
    if (bot == null) {
      throw new IllegalArgumentException("no bot with token " + Tokens.botIdOrEmpty(token));
    }
    return bot;
  }

  void stopAll() {
    byToken.values().forEach(bot -> bot.webhook.stop());
  }
}
