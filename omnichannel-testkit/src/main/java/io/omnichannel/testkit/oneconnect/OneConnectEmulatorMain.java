package io.omnichannel.testkit.oneconnect;

import java.util.concurrent.CountDownLatch;

/**
 * Runs the emulator standalone until the process is stopped: {@code --port N} (default 0,
 * ephemeral). Set the world up through the HTTP control API printed at start.
 */
public final class OneConnectEmulatorMain {
  private OneConnectEmulatorMain() {}

  public static void main(String[] args) throws InterruptedException {
    OneConnectEmulator emulator;
    try {
      emulator = startFromArgs(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println("usage: OneConnectEmulatorMain [--port N]");
      System.exit(2);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  emulator.close();
                  stopped.countDown();
                },
                "oneconnect-emulator-shutdown"));
    System.out.println(
        "1C-Connect emulator: REST "
            + emulator.restBaseUrl()
            + " SOAP "
            + emulator.soapUrl()
            + " control "
            + emulator.controlUrl());
    stopped.await();
  }

  /** Parses the command line and starts an emulator; the caller owns (and closes) it. */
  static OneConnectEmulator startFromArgs(String... args) {
    int port = 0;
    for (int i = 0; i < args.length; i++) {
      if ("--port".equals(args[i]) && i + 1 < args.length) {
        try {
          port = Integer.parseInt(args[++i]);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("--port needs a number: " + args[i]);
        }
      } else {
        throw new IllegalArgumentException("unknown argument: " + args[i]);
      }
    }
    return OneConnectEmulator.start(OneConnectEmulatorConfig.builder().port(port).build());
  }
}
