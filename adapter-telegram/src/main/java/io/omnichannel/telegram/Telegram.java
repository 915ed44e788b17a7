package io.omnichannel.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnichannel.core.port.in.InboundGateway;
import io.omnichannel.core.port.out.ChannelUpdateDecoder;
import io.omnichannel.core.port.out.MessengerChannel;
import io.omnichannel.core.port.out.PollingLeases;
import io.omnichannel.core.port.out.SendingBudget;
import io.omnichannel.messenger.support.LeasedPollers;
import io.omnichannel.messenger.support.MessengerJson;
import io.omnichannel.messenger.support.MessengerThreads;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

/**
 * The Telegram adapter, as the launcher sees it: one factory, the two driven ports it implements,
 * the webhook handler to mount at {@code POST /hooks/telegram/{connectionId}}, and {@link
 * #close()}.
 *
 * <p>Threads: a small fixed pool runs HTTP completions and hands updates to the core, one timer
 * schedules polls and back-offs. Long polls hold sockets, not threads, so 1,000 polling bots need
 * no more.
 */
public final class Telegram implements AutoCloseable {
  private static final int WORKERS = 4;

  /**
   * At most two getUpdates per second per bot: a Bot API implementation that answers at once
   * instead of holding the long poll (or fails at once) would otherwise be asked hundreds of times
   * a second.
   */
  static final Duration MIN_POLL_SPACING = Duration.ofMillis(500);

  private final UpdateDecoder decoder;
  private final TelegramChannel channel;
  private final WebhookEndpoint webhook;
  private final LeasedPollers pollers;
  private final MessengerThreads threads;

  private Telegram(
      TelegramConfig config,
      InboundGateway gateway,
      PollingLeases leases,
      SendingBudget budget,
      Clock clock) {
    ObjectMapper json = MessengerJson.mapper();
    this.threads = new MessengerThreads("telegram", WORKERS);
    ExecutorService workers = threads.workers();
    BotHttp http = new BotHttp(config.apiBaseUrl(), json, config.timeouts(), workers);
    BotApis api = new BotApis(config.apiBaseUrl(), json, config.timeouts());
    this.pollers =
        new LeasedPollers(
            new LeasedPollers.Receiving(
                gateway,
                leases,
                clock,
                config.instanceId(),
                config.timeouts().polling(MIN_POLL_SPACING),
                threads.timer(),
                workers));
    this.decoder = new UpdateDecoder(json);
    this.channel =
        new TelegramChannel(
            config,
            api,
            http,
            pollers,
            json,
            clock,
            new SharedPacing(budget, config.pacing(), clock));
    this.webhook = new WebhookEndpoint(gateway, json);
  }

  /**
   * @param gateway where received updates go; each call returns once the core stored the update
   * @param leases who polls which bot (B3); unused in webhook mode
   * @param budget the sending slots of every bot, shared by all instances (B2)
   */
  public static Telegram create(
      TelegramConfig config,
      InboundGateway gateway,
      PollingLeases leases,
      SendingBudget budget,
      Clock clock) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(gateway, "gateway");
    Objects.requireNonNull(leases, "leases");
    Objects.requireNonNull(budget, "budget");
    Objects.requireNonNull(clock, "clock");
    return new Telegram(config, gateway, leases, budget, clock);
  }

  public MessengerChannel messengerChannel() {
    return channel;
  }

  public ChannelUpdateDecoder updateDecoder() {
    return decoder;
  }

  public WebhookHandler webhookHandler() {
    return webhook;
  }

  /** Updates the decoder ignored (kinds the gateway does not use); for metrics. */
  public long ignoredUpdates() {
    return decoder.ignoredCount();
  }

  /** Bots this instance is long-polling now; for metrics. */
  public int pollingBots() {
    return pollers.count();
  }

  /**
   * Stops every poller (aborting their polls and giving back their leases) and the adapter's
   * threads.
   */
  @Override
  public void close() {
    pollers.stopAll();
    channel.close();
    threads.close();
  }

  /** The webhook endpoint, for the launcher's HTTP server to call with the request as it came. */
  @FunctionalInterface
  public interface WebhookHandler {
    /**
     * @param connectionId the {@code {connectionId}} path segment
     * @param secretHeader {@code X-Telegram-Bot-Api-Secret-Token}, null when absent
     * @param body reads the request body; called only after the secret is checked, so a stranger's
     *     body is never read. What it throws (the host refusing a body over its limit or broken in
     *     transfer) is not caught here: the host answers it.
     */
    WebhookResponse handle(String connectionId, String secretHeader, Supplier<byte[]> body);
  }

  /**
   * What to answer Telegram: 200 (stored), 400 (not an update, or an id too long to store), 401
   * (secret), 404, 503 (retry later).
   */
  public record WebhookResponse(int status, String body) {
    public static final WebhookResponse OK = new WebhookResponse(200, "{\"ok\":true}");
    public static final WebhookResponse BAD_REQUEST =
        new WebhookResponse(400, "{\"ok\":false,\"error\":\"bad update\"}");
    public static final WebhookResponse UNAUTHORIZED =
        new WebhookResponse(401, "{\"ok\":false,\"error\":\"unauthorized\"}");
    public static final WebhookResponse NOT_FOUND =
        new WebhookResponse(404, "{\"ok\":false,\"error\":\"unknown connection\"}");
    public static final WebhookResponse UNAVAILABLE =
        new WebhookResponse(503, "{\"ok\":false,\"error\":\"try again\"}");
  }
}
