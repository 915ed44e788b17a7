package io.omnichannel.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What {@code --keep-running} prints once the story is over: commands that work as printed, one
 * {@code curl} each, for both directions — a Telegram user writes through the Telegram emulator's
 * control API and the message waits in the line; a specialist answers through the 1C-Connect
 * emulator's control API and the bot's message waits in Telegram — and for looking around. Each
 * read waits (up to 10 s) for what the command before it caused. {@code SandboxKeepRunningTest}
 * runs them all, parsed from the output.
 */
final class PlayCommands {
  static final String USER_TEXT = "Здравствуйте, это снова Иван.";
  static final String SPECIALIST_TEXT = "Иван, рады вас слышать! Чем помочь?";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int WAIT_MS = 10_000;

  private final SandboxEnvironment env;
  private final SandboxStory story;

  PlayCommands(SandboxEnvironment env, SandboxStory story) {
    this.env = env;
    this.story = story;
  }

  void print(TranscriptPrinter print) {
    DemoCompany demo = env.demo;
    String telegram = env.telegramControlUrl();
    String oneConnect = env.emulators.oneConnect.controlUrl();
    String bot = telegram + "bots/" + demo.bot.token();
    long ivanChat = SandboxStory.IVAN.id();
    String ivan = story.ivanInTheLine();
    String line = demo.support.id();
    int transcript = env.emulators.oneConnect.inspection().transcript(line, ivan).size();
    long sent = env.emulators.telegram.sentCount(demo.bot.token(), ivanChat);

    print.rule();
    print.raw(
        "Everything keeps running: @"
            + DemoCompany.BOT_USERNAME
            + " is connected to the line «"
            + DemoCompany.SUPPORT
            + "» and "
            + SandboxStory.IVAN.firstName()
            + " is not banned. Play by hand:");
    print.raw("");
    print.raw("1. Telegram @" + SandboxStory.IVAN.username() + " writes to the bot:");
    command(
        print,
        post(
            bot + "/users/" + ivanChat + "/messages",
            JSON.createObjectNode()
                .put("first_name", SandboxStory.IVAN.firstName())
                .put("last_name", SandboxStory.IVAN.lastName())
                .put("username", SandboxStory.IVAN.username())
                .put("text", USER_TEXT)));
    print.raw("   …and the line «" + DemoCompany.SUPPORT + "» in 1C-Connect has it:");
    command(
        print,
        get(
            oneConnect
                + "transcript?line_id="
                + line
                + "&user_id="
                + ivan
                + "&min_count="
                + (transcript + 1)
                + "&timeout_ms="
                + WAIT_MS));
    print.raw("2. The specialist " + demo.specialistName() + " answers in the line:");
    command(
        print,
        post(
            oneConnect + "scenario/specialist-message",
            JSON.createObjectNode()
                .put("line_id", line)
                .put("user_id", ivan)
                .put("specialist_id", demo.specialist.id())
                .put("text", SPECIALIST_TEXT)));
    print.raw("   …and the bot sends it to @" + SandboxStory.IVAN.username() + " in Telegram:");
    command(
        print,
        get(bot + "/chats/" + ivanChat + "/sent?count=" + (sent + 1) + "&timeout_ms=" + WAIT_MS));
    print.raw("3. The specialist opens the channel-management line, and reads its answer:");
    command(
        print,
        post(
            oneConnect + "scenario/management-message",
            JSON.createObjectNode()
                .put("specialist_id", demo.specialist.id())
                .put("text", "Telegram")));
    command(
        print,
        get(
            oneConnect
                + "transcript?line_id="
                + env.emulators.management.id()
                + "&user_id="
                + demo.specialist.id()));
    print.raw(
        "   (a confirmation page asks for the API account "
            + DemoCompany.API_LOGIN
            + " / "
            + DemoCompany.API_PASSWORD
            + ")");
    print.raw("4. The gateway: connections (admin API), readiness, metrics:");
    command(print, withAdminToken("/admin/connections"));
    command(print, get(env.gatewayUrl + "/health/ready"));
    command(print, withAdminToken("/metrics"));
    print.raw("5. The whole 1C-Connect world (companies, lines, users, hooks):");
    command(print, get(oneConnect + "world"));
    print.raw("");
    print.raw("Data folder: " + env.data.describe() + ". Ctrl-C stops everything.");
  }

  private static void command(TranscriptPrinter print, String curl) {
    print.raw("   " + curl);
  }

  /** A GET on the gateway with the admin token, which the admin API and /metrics ask for. */
  private String withAdminToken(String path) {
    return "curl -H 'Authorization: Bearer " + env.adminToken + "' '" + env.gatewayUrl + path + "'";
  }

  private static String get(String url) {
    return "curl '" + url + "'";
  }

  /** A JSON POST; the body holds no single quote, so the shell passes it as written. */
  private static String post(String url, ObjectNode body) {
    String json = body.toString();
    if (json.contains("'")) {
      throw new IllegalStateException("a printed body must not hold a single quote: " + json);
    }
    return "curl -X POST '" + url + "' -H 'Content-Type: application/json' -d '" + json + "'";
  }
}
