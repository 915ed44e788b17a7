package io.omnichannel.testkit.max;

import java.util.concurrent.CountDownLatch;

/** Runs the emulator standalone: {@code java … MaxEmulatorMain [--port N]}; stops on Ctrl-C. */
public final class MaxEmulatorMain {
  static final int DEFAULT_PORT = 8083;

  private MaxEmulatorMain() {}

  public static void main(String[] args) throws InterruptedException {
    int port;
    try {
      port = portFrom(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println("usage: MaxEmulatorMain [--port N]");
      System.exit(2);
      return;
    }
    MaxEmulator emulator = MaxEmulator.start(MaxEmulatorConfig.defaults().withPort(port));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  emulator.close();
                  stopped.countDown();
                },
                "max-emulator-shutdown"));
    System.out.println(
        "MAX Bot API emulator at " + emulator.baseUrl() + " (control API under /_emulator/max/)");
    stopped.await();
  }

  static int portFrom(String[] args) {
    int port = DEFAULT_PORT;
    for (int i = 0; i < args.length; i++) {
      String value;
      if (args[i].equals("--port") && i + 1 < args.length) {
        value = args[++i];
      } else if (args[i].startsWith("--port=")) {
        value = args[i].substring("--port=".length());
      } else {
        throw new IllegalArgumentException("unknown argument: " + args[i]);
      }
      try {
        port = Integer.parseInt(value);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("not a port: " + value);
      }
    }
    return port;
  }
}
