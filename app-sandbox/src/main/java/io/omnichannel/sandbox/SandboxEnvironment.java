package io.omnichannel.sandbox;

import io.omnichannel.core.domain.RandomTokens;
import io.omnichannel.core.domain.Secret;
import io.omnichannel.launcher.Omnichannel;
import io.omnichannel.launcher.messengers.MaxMessenger;
import io.omnichannel.max.MaxConfig;
import io.omnichannel.persistence.PersistenceConfig;
import io.omnichannel.sandbox.scenario.Emulators;
import io.omnichannel.sandbox.scenario.Loopback;
import io.omnichannel.testkit.max.MaxEmulator;
import io.omnichannel.testkit.max.MaxEmulatorConfig;
import io.omnichannel.testkit.oneconnect.OneConnectEmulatorConfig;
import io.omnichannel.testkit.telegram.TelegramEmulatorConfig;
import java.net.URI;
import java.time.Duration;

/**
 * Everything the sandbox runs, all on loopback: the Telegram, 1C-Connect and MAX emulators with the
 * demo company, and the gateway (long polling, embedded H2 in the run's data folder, its own HTTP
 * server) serving Telegram and MAX.
 */
final class SandboxEnvironment implements AutoCloseable {
  final SandboxData data;
  final Emulators emulators;
  final MaxEmulator max;
  final DemoCompany demo;
  final URI gatewayUrl;
  final String adminToken;
  private Omnichannel gateway;
  private boolean closed;

  private SandboxEnvironment(
      SandboxData data,
      Emulators emulators,
      MaxEmulator max,
      DemoCompany demo,
      URI gatewayUrl,
      String adminToken) {
    this.data = data;
    this.emulators = emulators;
    this.max = max;
    this.demo = demo;
    this.gatewayUrl = gatewayUrl;
    this.adminToken = adminToken;
  }

  /**
   * Starts both emulators and the gateway on the ports {@code settings} asks for, the database in
   * {@code data}; stops what it started if a part fails.
   */
  static SandboxEnvironment start(SandboxSettings settings, SandboxData data) {
    Emulators emulators = null;
    MaxEmulator max = null;
    SandboxEnvironment environment = null;
    try {
      RandomTokens random = RandomTokens.secure();
      int port = settings.port() == 0 ? Loopback.freePort() : settings.port();
      int telegramPort = settings.port() == 0 ? 0 : settings.port() + 1;
      int oneConnectPort = settings.port() == 0 ? 0 : settings.port() + 2;
      emulators =
          Emulators.start(
              TelegramEmulatorConfig.defaults().withPort(telegramPort),
              OneConnectEmulatorConfig.builder()
                  .port(oneConnectPort)
                  .hookInitialBackoff(Duration.ofMillis(100))
                  .build(),
              random.token(12));
      max =
          MaxEmulator.start(
              MaxEmulatorConfig.defaults()
                  .withPort(settings.port() == 0 ? 0 : settings.port() + 3));
      URI base = URI.create("http://127.0.0.1:" + port);
      environment =
          new SandboxEnvironment(
              data, emulators, max, new DemoCompany(emulators, max), base, random.token(16));
      environment.gateway =
          emulators
              .gateway(PersistenceConfig.embedded(data.folder()), port, "sandbox")
              .messenger(
                  MaxMessenger.setup(
                      MaxConfig.of(MaxConfig.ReceiveMode.POLLING, base, "sandbox")
                          .withApiBaseUrl(URI.create(max.baseUrl()))
                          .withTimeouts(
                              MaxConfig.Timeouts.defaults().withLongPoll(Duration.ofSeconds(2)))))
              .adminToken(Secret.of(environment.adminToken))
              .monitorEvery(Duration.ofSeconds(30))
              .build()
              .start();
      return environment;
    } catch (RuntimeException failed) {
      if (environment != null) {
        environment.close();
      } else {
        if (max != null) {
          max.close();
        }
        if (emulators != null) {
          emulators.close();
        }
      }
      throw failed;
    }
  }

  /**
   * Stops the gateway and both emulators, once: both the run's end and the shutdown hook (Ctrl-C)
   * call it.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (gateway != null) {
        gateway.stop();
        gateway = null;
      }
    } finally {
      try {
        max.close();
      } finally {
        emulators.close();
      }
    }
  }

  /** {@code http://127.0.0.1:<port>/_emulator/telegram/}: the Telegram emulator's control API. */
  String telegramControlUrl() {
    return emulators.telegram.baseUrl().replaceAll("/+$", "") + "/_emulator/telegram/";
  }
}
