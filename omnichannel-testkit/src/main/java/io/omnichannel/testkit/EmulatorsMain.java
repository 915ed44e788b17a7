package io.omnichannel.testkit;

import io.omnichannel.testkit.max.MaxEmulator;
import io.omnichannel.testkit.max.MaxEmulatorConfig;
import io.omnichannel.testkit.oneconnect.OneConnectEmulator;
import io.omnichannel.testkit.oneconnect.OneConnectEmulatorConfig;
import io.omnichannel.testkit.telegram.TelegramEmulator;
import io.omnichannel.testkit.telegram.TelegramEmulatorConfig;
import java.util.concurrent.CountDownLatch;

/**
 * Starts the emulators (Telegram 8081, 1C-Connect 8082, MAX 8083) side by side on loopback, to play
 * with by hand; stops on Ctrl-C.
 */
public final class EmulatorsMain {
  private EmulatorsMain() {}

  public static void main(String[] args) throws InterruptedException {
    TelegramEmulator telegram =
        TelegramEmulator.start(TelegramEmulatorConfig.defaults().withPort(8081));
    OneConnectEmulator oneConnect =
        OneConnectEmulator.start(OneConnectEmulatorConfig.builder().port(8082).build());
    MaxEmulator max = MaxEmulator.start(MaxEmulatorConfig.defaults().withPort(8083));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  telegram.close();
                  oneConnect.close();
                  max.close();
                  stopped.countDown();
                },
                "emulators-shutdown"));
    System.out.println(
        "Telegram Bot API emulator: " + telegram.baseUrl() + "  (control: /_emulator/telegram/)");
    System.out.println(
        "1C-Connect emulator:       "
            + oneConnect.baseUrl()
            + "  (control: "
            + oneConnect.controlUrl()
            + ")");
    System.out.println(
        "MAX Bot API emulator:      " + max.baseUrl() + "  (control: " + max.controlUrl() + ")");
    System.out.println("Ctrl-C stops all three.");
    stopped.await();
  }
}
