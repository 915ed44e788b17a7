package io.omnichannel.testkit.telegram;

import io.omnichannel.testkit.support.EmulatorRuntime;
import io.omnichannel.testkit.support.FailureInjector;
import io.omnichannel.testkit.support.LoopbackServer;
import io.omnichannel.testkit.support.Waiting;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process Telegram Bot API on loopback. Point a client at {@link #baseUrl()} instead of
 * {@code https://api.telegram.org}; drive users and groups with {@link #bot(String)}; inspect what
 * bots sent with {@link #sentMessages(String, long)} and {@link #awaitSent}. See {@code
 * package-info}.
 */
public final class TelegramEmulator implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TelegramEmulator.class);

  private final TelegramEmulatorConfig config;
  private final EmulatorRuntime runtime;
  private final FileStore files;
  private final BotRegistry bots;
  private final FailureInjector<ApiError> failures = new FailureInjector<>();
  private final LoopbackServer server;

  private TelegramEmulator(TelegramEmulatorConfig config) throws IOException {
    this.config = config;
    this.runtime = new EmulatorRuntime("telegram-emulator", config.webhookRetry().requestTimeout());
    this.files = new FileStore(config.storedFileBytes());
    this.bots = new BotRegistry(config, runtime.webhookHttp(), runtime.scheduler());
    RequestParser parser =
        new RequestParser(
            runtime.spool(),
            Math.min(config.storedFileBytes(), OutgoingFiles.DOCUMENT_UPLOAD_LIMIT));
    this.server =
        EmulatorServer.create(
            config.port(),
            new BotApiEndpoint(
                bots, new BotApiMethods(files), parser, failures, runtime.scheduler()),
            new FileDownloadEndpoint(bots, files),
            new ControlApi(this));
  }

  public static TelegramEmulator start() {
    return start(TelegramEmulatorConfig.defaults());
  }

  public static TelegramEmulator start(TelegramEmulatorConfig config) {
    try {
      TelegramEmulator emulator = new TelegramEmulator(config);
      emulator.server.start();
      LOG.info("Telegram Bot API emulator listening at {}", emulator.baseUrl());
      return emulator;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * E.g. {@code http://127.0.0.1:41234}; Bot API calls go to {@code baseUrl() + "/bot" + token +
   * "/getMe"}.
   */
  public String baseUrl() {
    return "http://127.0.0.1:" + port();
  }

  public int port() {
    return server.port();
  }

  public TelegramEmulatorConfig config() {
    return config;
  }

  // ---- bots

  /** A new bot with a generated token. */
  public BotInfo createBot(String firstName, String username) {
    return createBot(bots.newToken(), firstName, username);
  }

  /** A new bot with the given token (it must look like a real one). */
  public BotInfo createBot(String token, String firstName, String username) {
    BotInfo info =
        new BotInfo(
            token,
            Tokens.isWellFormed(token) ? Tokens.botId(token) : 0,
            firstName,
            username,
            true,
            false);
    bots.create(info);
    return info;
  }

  /** Every later call with this token answers 401; the webhook stops, a waiting poll gets 401. */
  public void revokeToken(String token) {
    bots.existing(token).revoke();
  }

  /** Scenario builders: users, groups and raw updates for this bot. */
  public BotScenario bot(String token) {
    return new BotScenario(new UpdateInjector(bots.existing(token), files));
  }

  // ---- inspection

  /** The kept messages (newest {@code historyPerChat}) the bot sent to this chat, in order. */
  public List<SentMessage> sentMessages(String token, long chatId) {
    return bots.existing(token).sentTo(chatId).snapshot();
  }

  /** How many messages the bot ever sent to this chat successfully. */
  public long sentCount(String token, long chatId) {
    return bots.existing(token).sentTo(chatId).total();
  }

  /**
   * Waits (no polling) until the bot has sent {@code count} messages to the chat; AssertionError on
   * timeout.
   */
  public List<SentMessage> awaitSent(String token, long chatId, int count, Duration timeout) {
    CompletableFuture<List<SentMessage>> reached = sentFuture(token, chatId, count);
    return Waiting.await(
        reached,
        timeout,
        () ->
            "bot "
                + Tokens.botIdOrEmpty(token)
                + " sent "
                + sentCount(token, chatId)
                + " message(s) to chat "
                + chatId
                + ", expected "
                + count);
  }

  /** Completes when the bot has sent {@code count} messages to the chat. */
  public CompletableFuture<List<SentMessage>> sentFuture(String token, long chatId, int count) {
    return bots.existing(token).sentTo(chatId).whenTotalReaches(count);
  }

  /** 429 answers given to this bot so far. */
  public long tooManyRequestsCount(String token) {
    return bots.existing(token).rateLimiter.rejectedCount();
  }

  /** This bot's 429s by the window that refused each (bot, private chat, group), and how early. */
  public Refusals refusals(String token) {
    return bots.existing(token).rateLimiter.refusals();
  }

  /**
   * Waits until a long-polling getUpdates of this bot is held by the emulator; AssertionError on
   * timeout.
   */
  public void awaitPolling(String token, Duration timeout) {
    Waiting.await(
        bots.existing(token).updates.whenPollWaiting(),
        timeout,
        () -> "no getUpdates of bot " + Tokens.botIdOrEmpty(token) + " is waiting");
  }

  public long pendingUpdateCount(String token) {
    return bots.existing(token).updates.pendingCount();
  }

  public List<WebhookDelivery> webhookDeliveries(String token) {
    return bots.existing(token).webhook.deliveries().snapshot();
  }

  /** Waits until {@code count} webhook POSTs (successful or not) were made for this bot. */
  public List<WebhookDelivery> awaitWebhookDeliveries(String token, int count, Duration timeout) {
    CompletableFuture<List<WebhookDelivery>> reached =
        bots.existing(token).webhook.deliveries().whenTotalReaches(count);
    return Waiting.await(
        reached,
        timeout,
        () ->
            "bot "
                + Tokens.botIdOrEmpty(token)
                + " made "
                + bots.existing(token).webhook.deliveries().total()
                + " webhook deliveries, expected "
                + count);
  }

  // ---- failure injection

  /**
   * The next call of {@code method} (or "*" for any) with this token answers this error instead.
   */
  public void failNext(String token, String method, int status, String description) {
    failures.failNext(token, method, ApiError.of(status, description));
  }

  /** Every Bot API call answers this error for the given time (e.g. 502 "Bad Gateway"). */
  public void failAll(int status, String description, Duration duration) {
    failures.outage(ApiError.of(status, description), duration);
  }

  /** Every Bot API answer is delayed this much (without holding a server thread). */
  public void delayAnswers(Duration delay) {
    failures.delay(delay);
  }

  public void clearFailures() {
    failures.reset();
  }

  FailureInjector<ApiError> failures() {
    return failures;
  }

  @Override
  public void close() {
    bots.stopAll();
    server.stop();
    runtime.close();
  }
}
