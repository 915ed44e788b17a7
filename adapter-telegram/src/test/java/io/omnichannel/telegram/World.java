package io.omnichannel.telegram;

import io.omnichannel.core.domain.BotId;
import io.omnichannel.core.domain.BotProfile;
import io.omnichannel.core.domain.BotToken;
import io.omnichannel.core.domain.Connection;
import io.omnichannel.core.domain.InboundRecord;
import io.omnichannel.core.domain.Secret;
import io.omnichannel.core.fakes.BotConnections;
import io.omnichannel.core.fakes.CoreFixture;
import io.omnichannel.core.fakes.Eventually;
import io.omnichannel.core.fakes.InMemoryConnections;
import io.omnichannel.core.fakes.InMemoryInbox;
import io.omnichannel.core.fakes.InMemoryPollingLeases;
import io.omnichannel.core.fakes.InMemorySendingBudget;
import io.omnichannel.core.port.in.InboundGateway;
import io.omnichannel.core.usecase.AcceptingInbound;
import io.omnichannel.testkit.telegram.BotInfo;
import io.omnichannel.testkit.telegram.TelegramEmulator;
import io.omnichannel.testkit.telegram.TelegramEmulatorConfig;
import io.omnichannel.testkit.telegram.WebhookRetryPolicy;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * One emulator, the core's real {@link AcceptingInbound} on in-memory fakes, and adapters made on
 * demand. Closes all of them.
 */
final class World implements AutoCloseable {
  private static final AtomicInteger BOTS = new AtomicInteger();

  final TelegramEmulator emulator;
  final InMemoryConnections connections = new InMemoryConnections();
  final InMemoryInbox inbox = new InMemoryInbox();
  final InMemoryPollingLeases leases = new InMemoryPollingLeases();
  final InMemorySendingBudget budget = new InMemorySendingBudget();
  final Clock clock = Clock.systemUTC();
  final AcceptingInbound accepting =
      new AcceptingInbound(connections, inbox, CoreFixture.MANAGEMENT_HOOK, clock);
  private final List<Telegram> closeables = new ArrayList<>();

  World() {
    this(TelegramEmulatorConfig.defaults().withWebhookRetry(WebhookRetryPolicy.fast()));
  }

  World(TelegramEmulatorConfig config) {
    this.emulator = TelegramEmulator.start(config);
  }

  TelegramConfig config(TelegramConfig.ReceiveMode mode) {
    return TelegramConfig.of(mode, URI.create("http://127.0.0.1:1/"), "instance-a")
        .withApiBaseUrl(URI.create(emulator.baseUrl()))
        .withTimeouts(
            TelegramConfig.Timeouts.defaults()
                .withLongPoll(Duration.ofSeconds(5))
                .withBackoff(Duration.ofMillis(20), Duration.ofMillis(200))
                .withLeaseTtl(Duration.ofMillis(900)));
  }

  Telegram telegram(TelegramConfig config) {
    return telegram(config, accepting);
  }

  Telegram telegram(TelegramConfig config, InboundGateway gateway) {
    Telegram telegram = Telegram.create(config, gateway, leases, budget, clock);
    closeables.add(telegram);
    return telegram;
  }

  BotInfo newBot() {
    int n = BOTS.incrementAndGet();
    return emulator.createBot("Support " + n, "support" + n + "_bot");
  }

  /**
   * A connection of the bot as the core stores it after the wizard; its webhook secret is {@code
   * secret}.
   */
  Connection connect(BotInfo bot, Secret secret) {
    BotToken token = BotToken.of(bot.token());
    BotProfile profile =
        new BotProfile(new BotId(Long.toString(bot.id())), bot.username(), bot.firstName());
    Connection connection =
        BotConnections.active(TelegramDescription.KIND, profile, token, secret, clock.instant());
    connections.insert(connection);
    return connection;
  }

  Connection connect(BotInfo bot) {
    return connect(bot, Secret.of("s3cret_" + UUID.randomUUID().toString().replace("-", "")));
  }

  List<InboundRecord> stored() {
    return inbox.rows().stream().map(row -> row.item()).toList();
  }

  /** Waits for a condition by checking it again and again; fails after the timeout. */
  static void await(String what, Duration timeout, BooleanSupplier condition) {
    Eventually.await(what, timeout, condition);
  }

  @Override
  public void close() {
    for (Telegram closeable : closeables) {
      closeable.close();
    }
    emulator.close();
  }
}
