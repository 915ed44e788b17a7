package io.omnichannel.max;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnichannel.core.port.in.InboundGateway;
import io.omnichannel.core.port.out.ChannelUpdateDecoder;
import io.omnichannel.core.port.out.MessengerChannel;
import io.omnichannel.core.port.out.PollingLeases;
import io.omnichannel.core.port.out.SendingBudget;
import io.omnichannel.messenger.support.LeasedPollers;
import io.omnichannel.messenger.support.MessengerJson;
import io.omnichannel.messenger.support.MessengerThreads;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;

/**
 * The MAX adapter, as the launcher sees it: one factory, the two driven ports it implements, the
 * webhook handler to mount at {@code POST /hooks/max/{connectionId}}, and {@link #close()}.
 *
 * <p>Threads: a small fixed pool runs HTTP completions and hands updates to the core, one timer
 * schedules polls and back-offs. Long polls hold sockets, not threads.
 */
public final class Max implements AutoCloseable {
  private static final int WORKERS = 4;

  /**
   * Below two {@code GET /updates} per second per bot (MAX's limit of long polling), with a margin:
   * two polls started 500 ms apart here may arrive closer together there.
   */
  static final Duration MIN_POLL_SPACING = Duration.ofMillis(600);

  private final MaxDecoder decoder;
  private final MaxChannel channel;
  private final WebhookEndpoint webhook;
  private final LeasedPollers pollers;
  private final MessengerThreads threads;

  private Max(
      MaxConfig config,
      InboundGateway gateway,
      PollingLeases leases,
      SendingBudget budget,
      Clock clock,
      Consumer<Duration> sleeper) {
    ObjectMapper json = MessengerJson.mapper();
    SSLContext ssl = TrustStores.context(config.trustStore());
    this.threads = new MessengerThreads("max", WORKERS);
    ExecutorService workers = threads.workers();
    MaxHttp http = new MaxHttp(config.apiBaseUrl(), json, config.timeouts(), ssl, workers);
    MaxApis api = new MaxApis(config.apiBaseUrl(), json, config.timeouts(), ssl);
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
    this.decoder = new MaxDecoder(json);
    this.channel =
        new MaxChannel(
            new MaxBots(config, api, http, pollers),
            new Sending(
                api, http, new Pacing(budget, config.pacing(), clock), json, config, sleeper));
    this.webhook = new WebhookEndpoint(gateway, json);
  }

  /**
   * @param gateway where received updates go; each call returns once the core stored the update
   * @param leases who polls which bot (B3); unused in webhook mode
   * @param budget the sending slots of every bot, shared by all instances (B2)
   * @throws IllegalArgumentException when the configured trust store cannot be read
   */
  public static Max create(
      MaxConfig config,
      InboundGateway gateway,
      PollingLeases leases,
      SendingBudget budget,
      Clock clock) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(gateway, "gateway");
    Objects.requireNonNull(leases, "leases");
    Objects.requireNonNull(budget, "budget");
    Objects.requireNonNull(clock, "clock");
    return new Max(config, gateway, leases, budget, clock, Max::sleep);
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

  /** Updates the decoder ignored; for metrics. */
  public long ignoredUpdates() {
    return decoder.ignoredCount();
  }

  /** Bots this instance is long-polling now; for metrics. */
  public int pollingBots() {
    return pollers.count();
  }

  @Override
  public void close() {
    pollers.stopAll();
    threads.close();
  }

  /** The request body, opened only once the secret was found right; the handler closes it. */
  @FunctionalInterface
  public interface Body {
    InputStream open() throws IOException;
  }

  /** The webhook endpoint, for the launcher's HTTP server to call with the request as it came. */
  @FunctionalInterface
  public interface WebhookHandler {
    /**
     * @param connectionId the {@code {connectionId}} path segment
     * @param secretHeader {@code X-Max-Bot-Api-Secret}, null when absent
     * @param body the request body; read (at most 1 MiB) only after the secret is checked
     */
    WebhookResponse handle(String connectionId, String secretHeader, Body body);
  }

  /**
   * What to answer MAX: 200 (stored), 400 (not an update), 401 (secret), 404, 413 (body too large),
   * 503 (retry later).
   */
  public record WebhookResponse(int status, String body) {
    public static final WebhookResponse OK = new WebhookResponse(200, "{\"success\":true}");
    public static final WebhookResponse BAD_REQUEST =
        new WebhookResponse(400, "{\"success\":false,\"message\":\"bad update\"}");
    public static final WebhookResponse UNAUTHORIZED =
        new WebhookResponse(401, "{\"success\":false,\"message\":\"unauthorized\"}");
    public static final WebhookResponse NOT_FOUND =
        new WebhookResponse(404, "{\"success\":false,\"message\":\"unknown connection\"}");
    public static final WebhookResponse TOO_LARGE =
        new WebhookResponse(413, "{\"success\":false,\"message\":\"body too large\"}");
    public static final WebhookResponse UNAVAILABLE =
        new WebhookResponse(503, "{\"success\":false,\"message\":\"try again\"}");
  }

  private static void sleep(Duration wait) {
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new io.omnichannel.core.domain.failure.ChannelUnavailable("interrupted while waiting");
    }
  }
}
