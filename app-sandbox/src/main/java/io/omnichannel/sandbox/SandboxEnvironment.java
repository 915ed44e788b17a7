package io.omnichannel.sandbox;

import io.omnichannel.core.domain.RandomTokens;
import io.omnichannel.core.domain.Secret;
import io.omnichannel.launcher.Omnichannel;
import io.omnichannel.persistence.PersistenceConfig;
import io.omnichannel.sandbox.scenario.Emulators;
import io.omnichannel.sandbox.scenario.Folders;
import io.omnichannel.sandbox.scenario.Loopback;
import io.omnichannel.testkit.oneconnect.OneConnectEmulatorConfig;
import io.omnichannel.testkit.telegram.TelegramEmulatorConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Everything the sandbox runs, all on loopback: both emulators with the demo company, and the
 * gateway (long polling, embedded H2 in a temporary folder, its own HTTP server).
 */
final class SandboxEnvironment implements AutoCloseable {
  final Path dataDir;
  final Emulators emulators;
  final DemoCompany demo;
  final URI gatewayUrl;
  final String adminToken;
  private Omnichannel gateway;

  private SandboxEnvironment(
      Path dataDir, Emulators emulators, DemoCompany demo, URI gatewayUrl, String adminToken) {
    this.dataDir = dataDir;
    this.emulators = emulators;
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
    Emulators emulators = null;
    SandboxEnvironment environment = null;
    try {
      RandomTokens random = RandomTokens.secure();
      emulators =
          Emulators.start(
              TelegramEmulatorConfig.defaults(),
              OneConnectEmulatorConfig.builder().hookInitialBackoff(Duration.ofMillis(100)).build(),
              random.token(12));
      int port = Loopback.freePort();
      URI base = URI.create("http://127.0.0.1:" + port);
      environment =
          new SandboxEnvironment(
              dataDir, emulators, new DemoCompany(emulators), base, random.token(16));
      environment.gateway =
          emulators
              .gateway(PersistenceConfig.embedded(dataDir), port, "sandbox")
              .adminToken(Secret.of(environment.adminToken))
              .monitorEvery(Duration.ofSeconds(30))
              .build()
              .start();
      return environment;
    } catch (RuntimeException failed) {
      if (environment != null) {
        environment.close();
      } else if (emulators != null) {
        emulators.close();
      }
      Folders.deleteQuietly(dataDir);
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
      emulators.close();
    }
  }

  void deleteData() {
    Folders.deleteQuietly(dataDir);
  }

  String telegramControlUrl() {
    return emulators.telegram.baseUrl().replaceAll("/+$", "") + "/_emulator/telegram/";
  }
}
