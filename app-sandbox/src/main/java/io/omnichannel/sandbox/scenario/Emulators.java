package io.omnichannel.sandbox.scenario;

import io.omnichannel.core.domain.LineId;
import io.omnichannel.core.domain.Secret;
import io.omnichannel.launcher.Omnichannel;
import io.omnichannel.oneconnect.OneConnectConfig;
import io.omnichannel.persistence.PersistenceConfig;
import io.omnichannel.telegram.TelegramConfig;
import io.omnichannel.testkit.oneconnect.Company;
import io.omnichannel.testkit.oneconnect.Line;
import io.omnichannel.testkit.oneconnect.OneConnectEmulator;
import io.omnichannel.testkit.oneconnect.OneConnectEmulatorConfig;
import io.omnichannel.testkit.telegram.TelegramEmulator;
import io.omnichannel.testkit.telegram.TelegramEmulatorConfig;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * Both emulators on loopback, with the part of the 1C world every gateway needs: the vendor company
 * «1С-Коннект», its channel-management line, and the gateway's own API account on that line with
 * partner access. Gives the gateway's settings that point at them.
 */
public final class Emulators implements AutoCloseable {
  public static final String GATEWAY_LOGIN = "gateway";
  public static final String MANAGEMENT_LINE = "1С-Коннект: Управление каналами";

  public final TelegramEmulator telegram;
  public final OneConnectEmulator oneConnect;
  public final Company vendor;
  public final Line management;
  private final String gatewayPassword;

  private Emulators(
      TelegramEmulator telegram, OneConnectEmulator oneConnect, String gatewayPassword) {
    this.telegram = telegram;
    this.oneConnect = oneConnect;
    this.gatewayPassword = gatewayPassword;
    vendor = oneConnect.world().addCompany("1С-Коннект", true);
    management = oneConnect.world().addManagementLine(vendor.id(), MANAGEMENT_LINE);
    oneConnect
        .world()
        .addApiAccount(GATEWAY_LOGIN, gatewayPassword, vendor.id(), Map.of(management.id(), true));
    oneConnect.world().grantPartnerAccess(GATEWAY_LOGIN);
  }

  /** Starts both; {@code gatewayPassword} is the gateway's own API account's. */
  public static Emulators start(
      TelegramEmulatorConfig telegram,
      OneConnectEmulatorConfig oneConnect,
      String gatewayPassword) {
    TelegramEmulator telegramEmulator = TelegramEmulator.start(telegram);
    OneConnectEmulator oneConnectEmulator = null;
    try {
      oneConnectEmulator = OneConnectEmulator.start(oneConnect);
      return new Emulators(telegramEmulator, oneConnectEmulator, gatewayPassword);
    } catch (RuntimeException failed) {
      telegramEmulator.close();
      if (oneConnectEmulator != null) {
        oneConnectEmulator.close();
      }
      throw failed;
    }
  }

  /** Telegram settings of a gateway whose Bot API is the emulator. */
  public TelegramConfig telegramConfig(
      TelegramConfig.ReceiveMode mode, URI publicBase, String instanceId) {
    return TelegramConfig.of(mode, publicBase, instanceId)
        .withApiBaseUrl(URI.create(telegram.baseUrl()));
  }

  /** 1C-Connect settings: the gateway's account and management line, the emulator's endpoints. */
  public OneConnectConfig oneConnectConfig(URI publicBase) {
    return OneConnectConfig.of(
            GATEWAY_LOGIN, Secret.of(gatewayPassword), new LineId(management.id()), publicBase)
        .withEndpoints(URI.create(oneConnect.baseUrl()), URI.create(oneConnect.soapUrl()));
  }

  /**
   * A gateway serving on loopback at {@code port}, long-polling the Telegram emulator (2 s polls,
   * so that it stops quickly), with two workers per queue; the caller adds what else it needs.
   */
  public Omnichannel.Builder gateway(PersistenceConfig persistence, int port, String instanceId) {
    URI base = URI.create("http://127.0.0.1:" + port);
    return Omnichannel.builder()
        .persistence(persistence)
        .publicBaseUrl(base)
        .telegram(
            telegramConfig(TelegramConfig.ReceiveMode.POLLING, base, instanceId)
                .withTimeouts(
                    TelegramConfig.Timeouts.defaults().withLongPoll(Duration.ofSeconds(2))))
        .oneConnect(oneConnectConfig(base))
        .httpServer("127.0.0.1", port)
        .workers(2);
  }

  @Override
  public void close() {
    try {
      telegram.close();
    } finally {
      oneConnect.close();
    }
  }
}
