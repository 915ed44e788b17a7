package io.omnichannel.testkit.support;

import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import java.util.function.IntFunction;

/** What an emulator's {@code main} does: {@code [--port N]}, start, say where, stop on Ctrl-C. */
public final class StandaloneMain {
  private StandaloneMain() {}

  /**
   * Starts the emulator on the port the arguments name; a bad command line prints the usage and
   * exits with 2. Blocks until the JVM is stopped.
   *
   * @param name the emulator's name in its threads, e.g. {@code telegram-emulator}
   */
  public static <E extends AutoCloseable> void run(
      String[] args,
      Class<?> main,
      String name,
      int defaultPort,
      IntFunction<E> start,
      Function<E, String> banner)
      throws InterruptedException {
    E emulator;
    try {
      emulator = start.apply(portFrom(args, defaultPort));
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println("usage: " + main.getSimpleName() + " [--port N]");
      System.exit(2);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    emulator.close();
                  } catch (Exception e) {
                    e.printStackTrace();
                  }
                  stopped.countDown();
                },
                name + "-shutdown"));
    System.out.println(banner.apply(emulator));
    stopped.await();
  }

  /** {@code --port N} or {@code --port=N}; the default without; anything else is refused. */
  public static int portFrom(String[] args, int defaultPort) {
    int port = defaultPort;
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
