package io.omnichannel.testkit.max;

import io.omnichannel.testkit.support.StandaloneMain;

/** Runs the emulator standalone: {@code java … MaxEmulatorMain [--port N]}; stops on Ctrl-C. */
public final class MaxEmulatorMain {
  static final int DEFAULT_PORT = 8083;

  private MaxEmulatorMain() {}

  public static void main(String[] args) throws InterruptedException {
    StandaloneMain.run(
        args,
        MaxEmulatorMain.class,
        "max-emulator",
        DEFAULT_PORT,
        port -> MaxEmulator.start(MaxEmulatorConfig.defaults().withPort(port)),
        emulator ->
            "MAX Bot API emulator at "
                + emulator.baseUrl()
                + " (control API under /_emulator/max/)");
  }
}
