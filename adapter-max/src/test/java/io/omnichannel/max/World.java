package io.omnichannel.max;

import io.omnichannel.core.domain.BotToken;
import io.omnichannel.core.domain.Connection;
import io.omnichannel.core.domain.Secret;
import io.omnichannel.core.port.in.InboundGateway;
import io.omnichannel.testkit.max.MaxBotInfo;
import io.omnichannel.testkit.max.MaxEmulator;
import io.omnichannel.testkit.max.MaxEmulatorConfig;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The MAX emulator, the core's real {@code AcceptingInbound} on in-memory fakes ({@link Core}), and
 * adapters made on demand. Closes all of them.
 */
final class World implements AutoCloseable {
  private static final AtomicInteger BOTS = new AtomicInteger();
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String LETTERS =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";

  final MaxEmulator emulator;
  final Core core = new Core();
  private final List<Max> adapters = new ArrayList<>();

  World() {
    this(MaxEmulatorConfig.forTests());
  }

  World(MaxEmulatorConfig config) {
    this.emulator = MaxEmulator.start(config);
  }

  MaxConfig config(MaxConfig.ReceiveMode mode) {
    return config(mode, URI.create("http://127.0.0.1:1/"));
  }

  MaxConfig config(MaxConfig.ReceiveMode mode, URI publicBase) {
    return MaxConfig.of(mode, publicBase, "instance-a")
        .withApiBaseUrl(URI.create(emulator.baseUrl()))
        .withTimeouts(
            MaxConfig.Timeouts.defaults()
                .withLongPoll(Duration.ofSeconds(5))
                .withBackoff(Duration.ofMillis(20), Duration.ofMillis(200))
                .withLeaseTtl(Duration.ofMillis(900))
                .withNotReadyWaits(
                    List.of(
                        Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(200))));
  }

  Max max(MaxConfig config) {
    return max(config, core.accepting);
  }

  Max max(MaxConfig config, InboundGateway gateway) {
    Max max = Max.create(config, gateway, core.leases, core.budget, core.clock);
    adapters.add(max);
    return max;
  }

  /**
   * A bot on the emulator. MAX tokens are opaque; until the core's port takes a bot's access
   * instead of its {@code BotToken} (which knows only Telegram's shape), the emulator issues one of
   * that shape.
   */
  MaxBotInfo newBot() {
    int n = BOTS.incrementAndGet();
    StringBuilder token = new StringBuilder(Integer.toString(700_000 + n)).append(':');
    for (int i = 0; i < 35; i++) {
      token.append(LETTERS.charAt(RANDOM.nextInt(LETTERS.length())));
    }
    return emulator.createBot(token.toString(), "Support " + n, "support" + n + "_bot");
  }

  Connection connect(MaxBotInfo bot, Secret secret) {
    return core.connect(bot.userId(), BotToken.of(bot.token()), secret);
  }

  Connection connect(MaxBotInfo bot) {
    return connect(bot, Secret.of("s3cret_" + UUID.randomUUID().toString().replace("-", "")));
  }

  @Override
  public void close() {
    adapters.forEach(Max::close);
    emulator.close();
  }
}
