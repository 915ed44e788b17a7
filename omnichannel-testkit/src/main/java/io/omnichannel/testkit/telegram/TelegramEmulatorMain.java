package io.omnichannel.testkit.telegram;

import io.omnichannel.testkit.support.StandaloneMain;

/**
 * Runs the emulator standalone: {@code java … TelegramEmulatorMain [--port N]}; stops on Ctrl-C.
 */
public final class TelegramEmulatorMain {
  static final int DEFAULT_PORT = 8081;

  private TelegramEmulatorMain() {}

  public static void main(String[] args) throws InterruptedException {
    StandaloneMain.run(
        args,
        TelegramEmulatorMain.class,
        "telegram-emulator",
        DEFAULT_PORT,
        port -> TelegramEmulator.start(TelegramEmulatorConfig.defaults().withPort(port)),
        emulator ->
            "Telegram Bot API emulator at "
                + emulator.baseUrl()
                + " (control API under /_emulator/telegram/)");
  }
}
