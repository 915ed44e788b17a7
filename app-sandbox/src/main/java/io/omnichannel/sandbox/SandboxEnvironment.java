package io.omnichannel.sandbox;

import io.omnichannel.core.domain.LineId;
import io.omnichannel.core.domain.RandomTokens;
import io.omnichannel.core.domain.Secret;
import io.omnichannel.launcher.Omnichannel;
import io.omnichannel.oneconnect.OneConnectConfig;
import io.omnichannel.persistence.PersistenceConfig;
import io.omnichannel.telegram.TelegramConfig;
import io.omnichannel.testkit.oneconnect.OneConnectEmulator;
import io.omnichannel.testkit.oneconnect.OneConnectEmulatorConfig;
import io.omnichannel.testkit.telegram.TelegramEmulator;
import io.omnichannel.testkit.telegram.TelegramEmulatorConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Everything the sandbox runs, all on loopback: the Telegram Bot API emulator, the 1C-Connect
 * emulator with the demo company, and the gateway (long polling, embedded H2 in a temporary folder,
 * its own HTTP server).
 */
final class SandboxEnvironment implements AutoCloseable {
  final Path dataDir;
  final TelegramEmulator telegram;
  final OneConnectEmulator oneConnect;
  final DemoCompany demo;
  final URI gatewayUrl;
  final String adminToken;
  private Omnichannel gateway;

  private SandboxEnvironment(
      Path dataDir,
      TelegramEmulator telegram,
      OneConnectEmulator oneConnect,
      DemoCompany demo,
      URI gatewayUrl,
      String adminToken) {
    this.dataDir = dataDir;
    this.telegram = telegram;
    this.oneConnect = oneConnect;
    this.demo = demo;
    this.gatewayUrl = gatewayUrl;
    this.adminToken = adminToken;
  }

  static SandboxEnvironment start() {
    Path dataDir;
    try {
      dataDir = Files.createTempDirectory("omnichannel-sandbox-");
    } catch (IOException failed) {
      throw new UncheckedIOException("cannot create the sandbox's temporary folder", failed);
    }
    TelegramEmulator telegram = TelegramEmulator.start(TelegramEmulatorConfig.defaults());
    OneConnectEmulator oneConnect = null;
    SandboxEnvironment environment = null;
    try {
      oneConnect =
          OneConnectEmulator.start(
              OneConnectEmulatorConfig.builder()
                  .hookInitialBackoff(Duration.ofMillis(100))
                  .build());
      RandomTokens random = RandomTokens.secure();
      String gatewayPassword = random.token(12);
      DemoCompany demo = new DemoCompany(oneConnect.world(), telegram, gatewayPassword);
      int port = freePort();
      URI base = URI.create("http://127.0.0.1:" + port);
      environment =
          new SandboxEnvironment(dataDir, telegram, oneConnect, demo, base, random.token(16));
      environment.gateway =
          Omnichannel.builder()
              .persistence(PersistenceConfig.embedded(dataDir))
              .publicBaseUrl(base)
              .telegram(
                  TelegramConfig.of(TelegramConfig.ReceiveMode.POLLING, base, "sandbox")
                      .withApiBaseUrl(URI.create(telegram.baseUrl()))
                      .withTimeouts(
                          TelegramConfig.Timeouts.defaults().withLongPoll(Duration.ofSeconds(2))))
              .oneConnect(
                  OneConnectConfig.of(
                          DemoCompany.GATEWAY_LOGIN,
                          Secret.of(gatewayPassword),
                          new LineId(demo.management.id()),
                          base)
                      .withEndpoints(
                          URI.create(oneConnect.baseUrl()), URI.create(oneConnect.soapUrl())))
              .adminToken(Secret.of(environment.adminToken))
              .httpServer("127.0.0.1", port)
              .workers(2)
              .monitorEvery(Duration.ofSeconds(30))
              .build()
              .start();
      return environment;
    } catch (RuntimeException failed) {
      if (environment != null) {
        environment.close();
      } else {
        telegram.close();
        if (oneConnect != null) {
          oneConnect.close();
        }
        deleteQuietly(dataDir);
      }
      throw failed;
    }
  }

  /** Stops the gateway and both emulators; the data folder stays (see {@link #deleteData()}). */
  @Override
  public void close() {
    try {
      if (gateway != null) {
        gateway.stop();
        gateway = null;
      }
    } finally {
      telegram.close();
      oneConnect.close();
    }
  }

  void deleteData() {
    deleteQuietly(dataDir);
  }

  String telegramControlUrl() {
    return telegram.baseUrl().replaceAll("/+$", "") + "/_emulator/telegram/";
  }

  private static int freePort() {
    try (ServerSocket probe = new ServerSocket(0)) {
      return probe.getLocalPort();
    } catch (IOException failed) {
      throw new UncheckedIOException("no free port on loopback", failed);
    }
  }

  private static void deleteQuietly(Path folder) {
    try (Stream<Path> paths = Files.walk(folder)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException | UncheckedIOException ignored) {
      // a temporary folder the OS will clean up anyway
    }
  }
}
