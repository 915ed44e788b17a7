package io.omnichannel.testkit.telegram;

import java.util.concurrent.CountDownLatch;

/** Runs the emulator standalone: {@code java … TelegramEmulatorMain [--port N]}; stops on Ctrl-C. */
public final class TelegramEmulatorMain {
    private TelegramEmulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = 8081;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--port") && i + 1 < args.length) {
                port = Integer.parseInt(args[++i]);
            } else if (args[i].startsWith("--port=")) {
                port = Integer.parseInt(args[i].substring("--port=".length()));
            } else {
                System.err.println("usage: TelegramEmulatorMain [--port N]");
                System.exit(2);
            }
        }
        TelegramEmulator emulator = TelegramEmulator.start(TelegramEmulatorConfig.defaults().withPort(port));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }, "telegram-emulator-shutdown"));
        System.out.println("Telegram Bot API emulator at " + emulator.baseUrl()
                + " (control API under /_emulator/telegram/)");
        stopped.await();
    }
}
