package io.omnichannel.sandbox;

import io.omnichannel.sandbox.scenario.GatewayHttp;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * The offline sandbox (B6): both emulators, the gateway on a fresh embedded database, the demo
 * company, and the whole story driven through the real HTTP paths and printed as a two-sided
 * transcript. Answers 0 when every step reached its outcome, 1 naming the step that did not, 2 when
 * the sandbox could not start.
 */
final class Sandbox {
  private static final String RULE = "─".repeat(72);

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
        "omnichannel sandbox: emulators of Telegram and 1C-Connect, the gateway on a fresh embedded database.");
    SandboxEnvironment env;
    try {
      env = SandboxEnvironment.start();
    } catch (RuntimeException failed) {
      err.println("The sandbox could not start: " + failed);
      err.flush();
      return 2;
    }
    boolean keep = settings.keepRunning();
    try {
      describe(env, print);
      SandboxStory story = new SandboxStory(env, settings, print);
      int code;
      try {
        story.run();
        code = 0;
      } catch (StepFailed failed) {
        code = 1;
        err.println("Sandbox FAILED at " + failed.getMessage());
        err.flush();
      }
      summary(story, print, code, started);
      if (keep) {
        keepRunning(env, story, print);
      }
      return code;
    } finally {
      if (!keep) {
        env.close();
        env.deleteData();
      }
    }
  }

  private static void describe(SandboxEnvironment env, TranscriptPrinter print) {
    DemoCompany demo = env.demo;
    print.raw("  Telegram Bot API emulator  " + env.emulators.telegram.baseUrl());
    print.raw("  1C-Connect emulator        " + env.emulators.oneConnect.baseUrl());
    print.raw(
        "  gateway                    " + env.gatewayUrl + "  (database in " + env.dataDir + ")");
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
            + " at BotFather");
    print.raw("");
  }

  private void summary(SandboxStory story, TranscriptPrinter print, int code, long started) {
    GatewayHttp gateway = story.gateway();
    print.raw(RULE);
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

  private void keepRunning(SandboxEnvironment env, SandboxStory story, TranscriptPrinter print) {
    DemoCompany demo = env.demo;
    String tg = env.telegramControlUrl();
    String oc = env.emulators.oneConnect.controlUrl();
    print.raw(RULE);
    print.raw("Everything keeps running; play by hand:");
    print.raw("  gateway            " + env.gatewayUrl);
    print.raw(
        "    admin page       curl -H 'Authorization: Bearer "
            + env.adminToken
            + "' "
            + env.gatewayUrl
            + "/admin");
    print.raw("    health           " + env.gatewayUrl + "/health/ready");
    print.raw(
        "    metrics          curl -H 'Authorization: Bearer "
            + env.adminToken
            + "' "
            + env.gatewayUrl
            + "/metrics");
    if (story.lastConfirmationLink() != null) {
      print.raw("    last confirmation page (already used)  " + story.lastConfirmationLink());
    }
    print.raw("  Telegram emulator  control " + tg);
    print.raw(
        "    a user writes    curl -X POST "
            + tg
            + "bots/"
            + demo.bot.token()
            + "/users/"
            + SandboxStory.IVAN.id()
            + "/messages -H 'Content-Type: application/json' -d '{\"first_name\":\"Иван\","
            + "\"text\":\"Привет\"}'");
    print.raw(
        "    what the bot sent curl '"
            + tg
            + "bots/"
            + demo.bot.token()
            + "/chats/"
            + SandboxStory.IVAN.id()
            + "/sent?count=1&timeout_ms=1000'");
    print.raw("  1C-Connect emulator control " + oc);
    print.raw("    the world        curl " + oc + "world");
    print.raw(
        "    the specialist writes to the management line  curl -X POST "
            + oc
            + "scenario/management-message "
            + "-H 'Content-Type: application/json' -d '{\"specialist_id\":\""
            + demo.specialist.id()
            + "\",\"text\":\"Подключить Telegram-бот\"}'");
    print.raw(
        "    the management line's answers  curl '"
            + oc
            + "transcript?line_id="
            + env.emulators.management.id()
            + "&user_id="
            + demo.specialist.id()
            + "'");
    print.raw(
        "    API account for the confirmation page: "
            + DemoCompany.API_LOGIN
            + " / "
            + DemoCompany.API_PASSWORD);
    print.raw("  data folder        " + env.dataDir + " (kept)");
    print.raw("Ctrl-C stops everything.");
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  env.close();
                  out.println("Stopped. The data folder stays: " + env.dataDir);
                  out.flush();
                  stopped.countDown();
                },
                "sandbox-shutdown"));
    try {
      stopped.await();
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
