package io.omnichannel.testkit.max;

import io.omnichannel.testkit.support.CountedLog;
import io.omnichannel.testkit.support.EmulatorRuntime;
import io.omnichannel.testkit.support.FailureInjector;
import io.omnichannel.testkit.support.LoopbackServer;
import io.omnichannel.testkit.support.Waiting;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process MAX Bot API on loopback HTTP. Point a client at {@link #baseUrl()} instead of
 * {@code https://platform-api2.max.ru}; drive users and groups with {@link #bot(String)}; inspect
 * what bots sent with {@link #sentMessages(String, long)} and {@link #awaitSent}. See {@code
 * package-info} and {@code omnichannel-testkit/MAX-EMULATOR.md}.
 */
public final class MaxEmulator implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MaxEmulator.class);
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final AtomicLong BOT_IDS = new AtomicLong(590_000_000L);

  private final MaxEmulatorConfig config;
  private final EmulatorRuntime runtime;
  private final Map<String, Bot> bots = new ConcurrentHashMap<>();
  final Uploads uploads;
  final FailureInjector<MaxError> failures = new FailureInjector<>();
  private final LoopbackServer server;

  private MaxEmulator(MaxEmulatorConfig config) throws IOException {
    this.config = config;
    this.runtime = new EmulatorRuntime("max-emulator", config.webhookRetry().requestTimeout());
    this.uploads = new Uploads(config.storedFileBytes(), config.ticker());
    this.server = MaxServer.create(config.port(), this, runtime.spool());
  }

  public static MaxEmulator start() {
    return start(MaxEmulatorConfig.defaults());
  }

  public static MaxEmulator start(MaxEmulatorConfig config) {
    try {
      MaxEmulator emulator = new MaxEmulator(config);
      emulator.server.start();
      LOG.info("MAX Bot API emulator listening at {}", emulator.baseUrl());
      return emulator;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** E.g. {@code http://127.0.0.1:41234}; API calls go to {@code baseUrl() + "/me"} etc. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port();
  }

  /** The control API's root, {@code baseUrl() + "/_emulator/max"}. */
  public String controlUrl() {
    return baseUrl() + ControlApi.ROOT;
  }

  public int port() {
    return server.port();
  }

  public MaxEmulatorConfig config() {
    return config;
  }

  // ---- bots

  /** A new bot with a generated opaque token (84 characters, like the ones seen in the wild). */
  public MaxBotInfo createBot(String name, String username) {
    byte[] raw = new byte[63];
    RANDOM.nextBytes(raw);
    return createBot(Base64.getUrlEncoder().withoutPadding().encodeToString(raw), name, username);
  }

  /** A new bot with the given token (any non-blank string without spaces). */
  public MaxBotInfo createBot(String token, String name, String username) {
    if (token == null || token.isBlank() || token.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException("token must be non-blank without spaces");
    }
    MaxBotInfo info = new MaxBotInfo(token, BOT_IDS.incrementAndGet(), name, username);
    if (bots.putIfAbsent(token, new Bot(info, config, runtime.webhookHttp(), runtime.scheduler()))
        != null) {
      throw new IllegalStateException("a bot with this token exists already");
    }
    return info;
  }

  /** Every later call with this token answers 401 {@code verify.token}; a waiting poll too. */
  public void revokeToken(String token) {
    Bot bot = existing(token);
    bot.deleted = true;
    bot.webhook.stop();
    bot.updates.terminatePoll(MaxError.invalidToken());
  }

  /** Scenario builders: users, dialogs, groups and raw updates for this bot. */
  public MaxBotScenario bot(String token) {
    return new MaxBotScenario(existing(token), this);
  }

  // ---- inspection

  /** The kept messages (newest {@code historyPerChat}) the bot sent to this chat, in order. */
  public List<MaxSentMessage> sentMessages(String token, long chatId) {
    return sentLog(token, chatId).snapshot();
  }

  /** How many messages the bot ever sent to this chat successfully. */
  public long sentCount(String token, long chatId) {
    return sentLog(token, chatId).total();
  }

  /** Waits (no polling) until the bot has sent {@code count} messages to the chat. */
  public List<MaxSentMessage> awaitSent(String token, long chatId, int count, Duration timeout) {
    return Waiting.await(
        sentFuture(token, chatId, count),
        timeout,
        () ->
            "bot sent "
                + sentCount(token, chatId)
                + " message(s) to chat "
                + chatId
                + ", expected "
                + count);
  }

  /** Completes when the bot has sent {@code count} messages to the chat. */
  public CompletableFuture<List<MaxSentMessage>> sentFuture(String token, long chatId, int count) {
    return sentLog(token, chatId).whenTotalReaches(count);
  }

  /** The bot's message as it stands now (after edits, deletion), if the emulator still keeps it. */
  public Optional<MaxMessageState> message(String token, String mid) {
    Bot bot = existing(token);
    synchronized (bot) {
      StoredMessage message = bot.messages.get(mid);
      if (message == null || !message.fromBot) {
        return Optional.empty();
      }
      return Optional.of(new MaxMessageState(message.view, message.edits, message.deleted));
    }
  }

  /** The {@code POST /answers} calls of this bot, in order. */
  public List<MaxCallbackAnswer> callbackAnswers(String token) {
    return existing(token).answers.snapshot();
  }

  /** 429 answers given to this bot so far. */
  public long tooManyRequestsCount(String token) {
    return existing(token).rate.rejectedCount();
  }

  /** Updates stored for long polling and not yet read. */
  public long pendingUpdateCount(String token) {
    return existing(token).updates.pendingCount();
  }

  /** The active subscription's URL, if any. */
  public Optional<String> subscriptionUrl(String token) {
    UpdateLog.Subscription subscription = existing(token).updates.subscription();
    return Optional.ofNullable(subscription).map(UpdateLog.Subscription::url);
  }

  /** Waits until a long-polling {@code GET /updates} of this bot is held by the emulator. */
  public void awaitPolling(String token, Duration timeout) {
    Waiting.await(
        existing(token).updates.whenPollWaiting(), timeout, () -> "no GET /updates is waiting");
  }

  public List<MaxWebhookDelivery> webhookDeliveries(String token) {
    return existing(token).webhook.deliveries().snapshot();
  }

  /** Waits until {@code count} webhook POSTs (successful or not) were made for this bot. */
  public List<MaxWebhookDelivery> awaitWebhookDeliveries(
      String token, int count, Duration timeout) {
    CountedLog<MaxWebhookDelivery> log = existing(token).webhook.deliveries();
    return Waiting.await(
        log.whenTotalReaches(count),
        timeout,
        () -> "made " + log.total() + " webhook deliveries, expected " + count);
  }

  // ---- failure injection

  /**
   * The next call named {@code call} ({@code "POST /messages"}, {@code "/updates"} for any verb,
   * {@code "*"} for any call) with this token answers this error instead.
   */
  public void failNext(String token, String call, int status, String code, String message) {
    failures.failNext(token, call, MaxError.of(status, code, message));
  }

  /**
   * Every API call answers this error for the given time (e.g. 503 {@code service.unavailable}).
   */
  public void failAll(int status, String code, String message, Duration duration) {
    failures.outage(MaxError.of(status, code, message), duration);
  }

  /** Every API answer is delayed this much (without holding a server thread). */
  public void delayAnswers(Duration delay) {
    failures.delay(delay);
  }

  public void clearFailures() {
    failures.reset();
  }

  // ---- internals

  Bot existing(String token) {
    Bot bot = token == null ? null : bots.get(token);
    if (bot == null) {
      throw new IllegalArgumentException("no bot with this token");
    }
    return bot;
  }

  /** The bot for an {@code Authorization} header value, or 401 {@code verify.token}. */
  Bot authorized(String token) {
    Bot bot = token == null ? null : bots.get(token.trim());
    if (bot == null || bot.deleted) {
      throw MaxError.invalidToken();
    }
    return bot;
  }

  ScheduledThreadPoolExecutor scheduler() {
    return runtime.scheduler();
  }

  private CountedLog<MaxSentMessage> sentLog(String token, long chatId) {
    Bot bot = existing(token);
    synchronized (bot) {
      Chat chat = bot.chats.get(chatId);
      if (chat == null) {
        throw new IllegalArgumentException("the bot knows no chat " + chatId);
      }
      return chat.sent;
    }
  }

  @Override
  public void close() {
    bots.values().forEach(bot -> bot.webhook.stop());
    server.stop();
    runtime.close();
  }
}
