package io.omnichannel.launcher.cli;

import io.omnichannel.testkit.oneconnect.Company;
import io.omnichannel.testkit.oneconnect.Line;
import io.omnichannel.testkit.oneconnect.OneConnectEmulator;
import io.omnichannel.testkit.telegram.TelegramEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Both emulators with a management line and the service's own API account, and the environment
 * {@code serve} needs to run against them on a free loopback port.
 */
final class EmulatedServe implements AutoCloseable {
  static final String HOOK_PASSWORD = "a-fixed-hook-password";

  final TelegramEmulator telegram = TelegramEmulator.start();
  final OneConnectEmulator oneConnect = OneConnectEmulator.start();
  final Line management;
  final int port = freePort();

  EmulatedServe() {
    Company vendor = oneConnect.world().addCompany("1С-Коннект", true);
    management =
        oneConnect.world().addManagementLine(vendor.id(), "1С-Коннект: Управление каналами");
    oneConnect
        .world()
        .addApiAccount("gateway", "gw-pass", vendor.id(), Map.of(management.id(), true));
  }

  /** The variables of a gateway on {@link #port} with its data in {@code data}. */
  Map<String, String> environment(Path data) {
    Map<String, String> env = new HashMap<>();
    env.put("OMNICHANNEL_DATA_DIR", data.toString());
    env.put("OMNICHANNEL_HTTP_HOST", "127.0.0.1");
    env.put("OMNICHANNEL_HTTP_PORT", String.valueOf(port));
    env.put("OMNICHANNEL_PUBLIC_BASE_URL", "http://127.0.0.1:" + port);
    env.put("OMNICHANNEL_TELEGRAM_API_URL", telegram.baseUrl());
    env.put("OMNICHANNEL_ONECONNECT_REST_URL", oneConnect.baseUrl());
    env.put("OMNICHANNEL_ONECONNECT_SOAP_URL", oneConnect.soapUrl());
    env.put("OMNICHANNEL_ONECONNECT_LOGIN", "gateway");
    env.put("OMNICHANNEL_ONECONNECT_PASSWORD", "gw-pass");
    env.put("OMNICHANNEL_MANAGEMENT_LINE_ID", management.id());
    env.put("OMNICHANNEL_MANAGEMENT_HOOK_PASSWORD", HOOK_PASSWORD);
    return env;
  }

  static int freePort() {
    try (ServerSocket probe = new ServerSocket(0)) {
      return probe.getLocalPort();
    } catch (IOException impossible) {
      throw new UncheckedIOException(impossible);
    }
  }

  @Override
  public void close() {
    oneConnect.close();
    telegram.close();
  }
}
