package io.omnichannel.sandbox;

import io.omnichannel.sandbox.scenario.GatewayHttp;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * The offline sandbox (B6): the three emulators (Telegram, MAX, 1C-Connect), the gateway on a fresh
 * embedded database, the demo company, and the whole story driven through the real HTTP paths and
 * printed as a two-sided transcript. Answers 0 when every step reached its outcome, 1 naming the
 * step that did not, 2 when the sandbox could not start.
 */
final class Sandbox {
  private final PrintWriter out;
  private final PrintWriter err;
  private final SandboxSettings settings;

  Sandbox(PrintWriter out, PrintWriter err, SandboxSettings settings) {
    this.out = out;
    this.err = err;
    this.settings = settings;
  }

  int run() {
    long started = System.nanoTime();
    TranscriptPrinter print = new TranscriptPrinter(out);
    print.raw(
        "omnichannel sandbox: emulators of Telegram, MAX and 1C-Connect, the gateway on a fresh"
            + " embedded database.");
    SandboxData data;
    SandboxEnvironment env;
    try {
      data = SandboxData.prepare(settings.dataDir());
    } catch (RuntimeException failed) {
      return cannotStart(failed);
    }
    try {
      env = SandboxEnvironment.start(settings, data);
    } catch (RuntimeException failed) {
      data.release();
      return cannotStart(failed);
    }
    // Ctrl-C, at any moment, stops everything and removes the temporary folder
    Thread shutdown = new Thread(() -> stop(env, data), "sandbox-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdown);
    int code;
    try {
      describe(env, print);
      SandboxStory story = new SandboxStory(env, settings, print);
      try {
        story.run();
        code = 0;
      } catch (StepFailed failed) {
        code = 1;
        err.println("Sandbox FAILED at " + failed.getMessage());
        err.flush();
      }
      summary(story, print, code, started);
      if (settings.keepRunning()) {
        if (code == 0) {
          new PlayCommands(env, story).print(print);
        } else {
          print.raw(
              "The story did not finish, so no commands are offered; everything keeps running for"
                  + " a look at the URLs above. Ctrl-C stops everything.");
        }
        awaitShutdown();
        return code; // not reached before the JVM exits: the hook has stopped everything
      }
    } catch (RuntimeException broken) {
      stop(env, data);
      Runtime.getRuntime().removeShutdownHook(shutdown);
      throw broken;
    }
    stop(env, data);
    Runtime.getRuntime().removeShutdownHook(shutdown);
    return code;
  }

  private int cannotStart(RuntimeException failed) {
    err.println("The sandbox could not start: " + StepFailed.describe(failed));
    err.flush();
    return 2;
  }

  private void stop(SandboxEnvironment env, SandboxData data) {
    env.close();
    data.release();
    if (settings.keepRunning()) {
      out.println(
          data.temporary()
              ? "Stopped. The temporary data folder " + data.folder() + " is removed."
              : "Stopped. The data folder " + data.folder() + " stays.");
      out.flush();
    }
  }

  /** Blocks until the JVM shuts down (Ctrl-C, SIGTERM); the shutdown hook does the stopping. */
  private static void awaitShutdown() {
    try {
      new CountDownLatch(1).await();
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private static void describe(SandboxEnvironment env, TranscriptPrinter print) {
    DemoCompany demo = env.demo;
    print.raw("  Telegram Bot API emulator  " + env.emulators.telegram.baseUrl());
    print.raw("  1C-Connect emulator        " + env.emulators.oneConnect.baseUrl());
    print.raw("  MAX Bot API emulator       " + env.max.baseUrl());
    print.raw("  gateway                    " + env.gatewayUrl);
    print.raw("  data folder                " + env.data.describe());
    print.raw(
        "  demo company «"
            + demo.company.name()
            + "»: specialist "
            + demo.specialistName()
            + ", "
            + demo.lines.size()
            + " lines for clients and specialists and «"
            + DemoCompany.SPECIALISTS_ONLY_LINE
            + "», API account «"
            + DemoCompany.API_LOGIN
            + "»; bot @"
            + DemoCompany.BOT_USERNAME
            + " at BotFather; MAX bot @"
            + DemoCompany.MAX_BOT_USERNAME
            + " for specialist "
            + demo.maxSpecialist.name()
            + " "
            + demo.maxSpecialist.surname());
    print.raw("");
  }

  private void summary(SandboxStory story, TranscriptPrinter print, int code, long started) {
    GatewayHttp gateway = story.gateway();
    print.rule();
    long millis = (System.nanoTime() - started) / 1_000_000;
    String counts;
    try {
      double toLine = gateway.metric(GatewayHttp.DROPPED, "direction", "to_line");
      double toChannel = gateway.metric(GatewayHttp.DROPPED, "direction", "to_channel");
      counts =
          String.format(
              Locale.ROOT,
              "relayed Telegram → 1C-Connect: %d, 1C-Connect → Telegram: %d; dropped: %d "
                  + "(to the line %d, to Telegram %d)",
              (long) gateway.metric(GatewayHttp.RELAYED, "direction", "to_line"),
              (long) gateway.metric(GatewayHttp.RELAYED, "direction", "to_channel"),
              (long) (toLine + toChannel),
              (long) toLine,
              (long) toChannel);
    } catch (RuntimeException unreadable) {
      counts = "message counts unavailable: " + unreadable.getMessage();
    }
    print.raw(
        (code == 0 ? "Sandbox passed: " : "Sandbox FAILED: ")
            + story.passed()
            + "/"
            + story.total()
            + " steps passed in "
            + TranscriptPrinter.seconds(millis));
    print.raw("  " + counts + " (gateway's /metrics)");
  }
}
