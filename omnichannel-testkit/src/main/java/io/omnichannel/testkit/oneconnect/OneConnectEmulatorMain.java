package io.omnichannel.testkit.oneconnect;

import io.omnichannel.testkit.support.StandaloneMain;

/**
 * Runs the emulator standalone until the process is stopped: {@code --port N} (default 0,
 * ephemeral). Set the world up through the HTTP control API printed at start.
 */
public final class OneConnectEmulatorMain {
  private OneConnectEmulatorMain() {}

  public static void main(String[] args) throws InterruptedException {
    StandaloneMain.run(
        args,
        OneConnectEmulatorMain.class,
        "oneconnect-emulator",
        0,
        OneConnectEmulatorMain::start,
        emulator ->
            "1C-Connect emulator: REST "
                + emulator.restBaseUrl()
                + " SOAP "
                + emulator.soapUrl()
                + " control "
                + emulator.controlUrl());
  }

  /** Parses the command line and starts an emulator; the caller owns (and closes) it. */
  static OneConnectEmulator startFromArgs(String... args) {
    return start(StandaloneMain.portFrom(args, 0));
  }

  private static OneConnectEmulator start(int port) {
    return OneConnectEmulator.start(OneConnectEmulatorConfig.builder().port(port).build());
  }
}
