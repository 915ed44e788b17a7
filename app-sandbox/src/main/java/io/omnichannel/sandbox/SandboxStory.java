package io.omnichannel.sandbox;

import static io.omnichannel.sandbox.scenario.ManagementChat.buttons;
import static io.omnichannel.sandbox.scenario.SupportLines.accountName;
import static io.omnichannel.sandbox.scenario.SupportLines.contains;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnichannel.sandbox.scenario.Await;
import io.omnichannel.sandbox.scenario.GatewayHttp;
import io.omnichannel.sandbox.scenario.ManagementChat;
import io.omnichannel.sandbox.scenario.SupportLines;
import io.omnichannel.testkit.oneconnect.Button;
import io.omnichannel.testkit.oneconnect.OneConnectEmulator;
import io.omnichannel.testkit.oneconnect.TranscriptEntry;
import io.omnichannel.testkit.telegram.GroupScenario;
import io.omnichannel.testkit.telegram.GroupSpec;
import io.omnichannel.testkit.telegram.SentMessage;
import io.omnichannel.testkit.telegram.TelegramEmulator;
import io.omnichannel.testkit.telegram.UserSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The whole story, step by step, through the real HTTP paths: the specialist's messages go to the
 * 1C-Connect emulator, which posts them to the gateway's hook; Telegram users' messages wait in the
 * Telegram emulator until the gateway polls them; the confirmation page is fetched and submitted
 * over HTTP. Every step waits for its expected outcome and prints both sides as they happened.
 */
final class SandboxStory {
  static final UserSpec IVAN = UserSpec.of(1001, "Иван", "Петров", "ivan_petrov");
  static final UserSpec MARIA = UserSpec.of(1002, "Мария", "Соколова", "maria_sokolova");
  static final UserSpec OLGA = UserSpec.of(1003, "Ольга", "Смирнова", "olga_smirnova");
  static final UserSpec PETR = UserSpec.of(1004, "Пётр", "Сидоров", "petr_sidorov");
  static final GroupSpec GROUP = GroupSpec.of(-4001, "Ромашка: бухгалтерия клиента");
  private static final Pattern BOT_TOKEN = Pattern.compile("\\d+:[A-Za-z0-9_-]{30,}");

  /** One act and the outcome it must reach. */
  interface Action {
    void run() throws Exception;
  }

  record Step(String title, String expected, Action action) {}

  final SandboxEnvironment env;
  final TelegramEmulator telegram;
  final OneConnectEmulator oneConnect;
  final DemoCompany demo;
  final SandboxSettings settings;
  final TranscriptPrinter print;
  final GatewayHttp gateway;
  final ManagementChat chat;
  final SupportLines lines;
  final String token;
  private final List<Step> steps = new ArrayList<>();

  private final Map<String, Long> lineMarks = new HashMap<>();
  private final Map<Long, Integer> telegramMarks = new HashMap<>();
  private String ivan;
  private String maria;
  private String group;
  private String lastLink;
  private int passed;

  SandboxStory(SandboxEnvironment env, SandboxSettings settings, TranscriptPrinter print) {
    this.env = env;
    this.telegram = env.emulators.telegram;
    this.oneConnect = env.emulators.oneConnect;
    this.demo = env.demo;
    this.settings = settings;
    this.print = print;
    this.gateway = new GatewayHttp(env.gatewayUrl, env.adminToken, settings.stepTimeout());
    this.chat =
        new ManagementChat(
                oneConnect,
                env.emulators.management.id(),
                demo.specialist.id(),
                settings.stepTimeout())
            .onAnswer(
                answer ->
                    print.say(
                        "Управление каналами → Специалист", TranscriptPrinter.render(answer)));
    this.lines = new SupportLines(oneConnect, settings.stepTimeout());
    this.token = demo.bot.token();
    define();
  }

  int total() {
    return steps.size();
  }

  int passed() {
    return passed;
  }

  GatewayHttp gateway() {
    return gateway;
  }

  /** The 1C-Connect user the story's first Telegram user became in the line «Поддержка». */
  String ivanInTheLine() {
    return ivan;
  }

  /** Runs every step in order; the first one that misses its outcome ends the story. */
  void run() {
    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      print.step(i + 1, steps.size(), step.title());
      long started = System.nanoTime();
      try {
        step.action().run();
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        throw new StepFailed(i + 1, steps.size(), step.title(), step.expected(), interrupted);
      } catch (Exception | AssertionError failed) {
        print.line("✗ " + StepFailed.describe(failed));
        throw new StepFailed(i + 1, steps.size(), step.title(), step.expected(), failed);
      }
      passed++;
      print.done((System.nanoTime() - started) / 1_000_000);
    }
  }

  void step(String title, String expected, Action action) {
    steps.add(new Step(title, expected, action));
  }

  private void define() {
    step(
        "The specialist writes to the channel-management line",
        "the root menu: the channels the gateway manages",
        () -> {
          TranscriptEntry root =
              manage("Здравствуйте!", "Выберите канал, которым хотите управлять.");
          check(buttons(root).contains("Telegram"), "a Telegram button, got " + buttons(root));
        });
    step(
        "Telegram: the channel menu",
        "the channel menu (Подключить / Отключить / Показать)",
        () -> {
          TranscriptEntry menu = manage("Telegram", "Telegram: выберите действие.");
          check(
              buttons(menu)
                  .containsAll(
                      List.of(
                          ManagementChat.CONNECT, ManagementChat.DISCONNECT, ManagementChat.LIST)),
              "the three channel actions as buttons, got " + buttons(menu));
        });
    step(
        "Connect: the wizard offers the company's lines, page 1 of 2",
        "five of the seven eligible lines and ▶, without the line for specialists only",
        () -> {
          TranscriptEntry page = manage(ManagementChat.CONNECT, "Страница 1 из 2");
          List<String> labels = buttons(page);
          check(labels.contains("▶"), "a ▶ button, got " + labels);
          check(
              labels.stream().filter(DemoCompany.ELIGIBLE_LINES::contains).count() == 5,
              "five lines, got " + labels);
          check(
              !labels.contains(DemoCompany.SPECIALISTS_ONLY_LINE),
              "no SPECIALISTS_ONLY line, got " + labels);
        });
    step(
        "▶ shows page 2",
        "the other two lines with «Поддержка», and ◀",
        () -> {
          TranscriptEntry page = manage("▶", "Страница 2 из 2");
          List<String> labels = buttons(page);
          check(
              labels.contains(DemoCompany.SUPPORT) && labels.contains("◀"),
              "«Поддержка» and ◀, got " + labels);
          print.note(
              "7 lines offered over 2 pages; «"
                  + DemoCompany.SPECIALISTS_ONLY_LINE
                  + "» is not: it is for specialists only");
        });
    step(
        "Choose the line «Поддержка»",
        "a request for the BotFather token",
        () -> manage(DemoCompany.SUPPORT, "Отправьте токен Telegram-бота"));
    step(
        "Send the bot's token",
        "a one-time link to the confirmation page",
        () -> {
          TranscriptEntry answer =
              manage(token, "Чтобы подключить бот @" + DemoCompany.BOT_USERNAME);
          lastLink = ManagementChat.link(answer.text());
        });
    step(
        "Open the one-time link",
        "the confirmation page «Подключение Telegram-бота» asking for the API account",
        () -> {
          GatewayHttp.Page page = gateway.get(lastLink);
          print.say("Браузер → GET", lastLink);
          check(
              page.status() == 200 && page.body().contains("Подключение Telegram-бота"),
              "HTTP 200 with «Подключение Telegram-бота», got " + page.summary());
          print.say(
              "Страница ← " + page.status(),
              page.headline() + " — поля «Логин» и «Пароль» учетной записи API");
        });
    step(
        "Submit the API account on the confirmation page",
        "the page and the management line saying «подключен»",
        () -> {
          String password = settings.confirmationPassword().orElse(DemoCompany.API_PASSWORD);
          print.say(
              "Браузер → POST", lastLink + "  login=" + DemoCompany.API_LOGIN + " password=••••••");
          GatewayHttp.Page page = gateway.submit(lastLink, DemoCompany.API_LOGIN, password);
          check(
              page.status() == 200 && page.body().contains("подключен к линии"),
              "HTTP 200 saying the bot is «подключен к линии», got " + page.summary());
          print.say("Страница ← " + page.status(), page.sentence("подключен"));
          chat.awaitAnswer("подключен к линии «" + DemoCompany.SUPPORT + "»");
        });
    step(
        "A Telegram user writes to the bot",
        "the text in the line «Поддержка», from the user's account",
        () -> {
          String text = "Здравствуйте! После оплаты не пришёл чек.";
          userSays(IVAN, text);
          telegram.bot(token).user(IVAN).sendsText(text);
          ivan = lines.awaitNewUser(demo.support, text);
          awaitInLine(ivan, "the text", entry -> text.equals(entry.text()));
          lines.clientOf(demo.bot);
          print.note(
              "the user is now a client user of «Telegram: "
                  + DemoCompany.BOT_NAME
                  + "» in 1C-Connect");
        });
    step(
        "…sends a photo",
        "the image in the line",
        () -> {
          long photo = 180 * 1024;
          userSays(IVAN, "[фото, " + TranscriptPrinter.size(photo) + "] Скриншот ошибки");
          telegram.bot(token).user(IVAN).sendsPhoto("Скриншот ошибки", photo);
          awaitInLine(ivan, "the image", entry -> entry.kind() == TranscriptEntry.Kind.IMAGE);
        });
    step(
        "…sends a voice note",
        "a polite refusal in Telegram and a placeholder in the line",
        () -> {
          userSays(IVAN, "[голосовое сообщение, 7 с]");
          telegram.bot(token).user(IVAN).sendsVoice(7, 42_000);
          awaitTelegram(
              IVAN.id(), tg(IVAN), m -> m.text() != null && m.text().contains("не поддерживается"));
          awaitInLine(ivan, "the placeholder", entry -> contains(entry, "не поддерживается"));
        });
    step(
        "…sends a 25 MB file (over the 20 MB limit)",
        "a notice in Telegram and a placeholder in the line; " + "the file never fetched",
        () -> {
          long size = 25L << 20;
          userSays(IVAN, "[документ «Выгрузка базы.zip», " + TranscriptPrinter.size(size) + "]");
          telegram
              .bot(token)
              .user(IVAN)
              .sendsDocument("Выгрузка базы.zip", "application/zip", size);
          awaitTelegram(
              IVAN.id(), tg(IVAN), m -> m.text() != null && m.text().contains("не отправлен:"));
          awaitInLine(ivan, "the placeholder", entry -> contains(entry, "не передан:"));
          check(
              oneConnect.inspection().requests().stream()
                  .noneMatch(r -> r.path().contains("/receive/file")),
              "no file posted to the line");
          print.note(
              "refused by its declared size before any download; nothing posted to 1C-Connect");
        });
    step(
        "A Telegram group with two members",
        "one user in the line, each message starting with the member's name",
        () -> {
          GroupScenario groupChat = telegram.bot(token).group(GROUP);
          print.say(
              "Telegram @" + OLGA.username(),
              "добавляет бота в группу «" + GROUP.title() + "» администратором");
          groupChat.addsBotAsAdministrator(OLGA);
          String first = "Добрый день! Не формируется отчёт по продажам.";
          print.say(tg(GROUP) + ", " + accountName(OLGA) + " → бот", first);
          groupChat.member(OLGA).sendsText(first);
          group = lines.awaitNewUser(demo.support, first);
          awaitInLine(group, "Olga's message", entry -> contains(entry, first));
          String second = "Номер заказа — 4711.";
          print.say(tg(GROUP) + ", " + accountName(PETR) + " → бот", second);
          groupChat.member(PETR).sendsText(second);
          awaitInLine(group, "Pyotr's message", entry -> contains(entry, second));
          List<TranscriptEntry> said = lines.fromUser(demo.support, group);
          check(
              said.stream().anyMatch(e -> e.text().startsWith(accountName(OLGA) + ": ")),
              "a line starting with «" + accountName(OLGA) + ": »");
          check(
              said.stream().anyMatch(e -> e.text().startsWith(accountName(PETR) + ": ")),
              "a line starting with «" + accountName(PETR) + ": »");
        });
    step(
        "The specialist answers with text",
        "the text in the user's Telegram chat",
        () -> {
          String text = "Иван, добрый день! Чек отправим повторно в течение часа.";
          specialistSays(ivan, text);
          oneConnect
              .scenario()
              .specialistWrites(demo.support.id(), ivan, demo.specialist.id(), text);
          awaitTelegram(IVAN.id(), tg(IVAN), m -> text.equals(m.text()));
        });
    step(
        "…with a file",
        "the document in Telegram",
        () -> {
          byte[] pdf = new byte[64 * 1024];
          specialistSays(
              ivan,
              "[файл «Инструкция.pdf», "
                  + TranscriptPrinter.size(pdf.length)
                  + "] Инструкция по настройке кассы");
          oneConnect
              .scenario()
              .specialistSendsFile(
                  demo.support.id(),
                  ivan,
                  demo.specialist.id(),
                  "Инструкция.pdf",
                  "application/pdf",
                  pdf,
                  "Инструкция по настройке кассы");
          awaitTelegram(
              IVAN.id(),
              tg(IVAN),
              m -> m.file() != null && "sendDocument".equalsIgnoreCase(m.method()));
        });
    step(
        "…with a digital menu",
        "a Telegram keyboard; the pressed button's text back in the line",
        () -> {
          List<List<Button>> menu =
              List.of(
                  List.of(Button.of("Отлично"), Button.of("Хорошо")), List.of(Button.of("Плохо")));
          String text = "Пожалуйста, оцените ответ:";
          specialistSays(ivan, text + "\n" + TranscriptPrinter.buttons(menu));
          oneConnect
              .scenario()
              .specialistSendsMenu(demo.support.id(), ivan, demo.specialist.id(), text, menu);
          awaitTelegram(
              IVAN.id(),
              tg(IVAN),
              m -> m.replyMarkup() != null && m.replyMarkup().contains("Отлично"));
          userSays(IVAN, "Отлично");
          telegram.bot(token).user(IVAN).sendsText("Отлично");
          awaitInLine(ivan, "the pressed button", entry -> "Отлично".equals(entry.text()));
        });
    step(
        "A ban: the user's line is switched off in 1C-Connect",
        "the next message not delivered, recorded as dropped",
        () -> {
          print.say(
              "Администратор 1С-Коннект",
              "отключает пользователю «"
                  + lineUser(ivan)
                  + "» линию «"
                  + DemoCompany.SUPPORT
                  + "»");
          oneConnect.world().ban(ivan, demo.support.id());
          double before = gateway.metric(GatewayHttp.DROPPED, "direction", "to_line");
          String text = "Алло, вы здесь?";
          userSays(IVAN, text);
          telegram.bot(token).user(IVAN).sendsText(text);
          gateway.awaitMetric(before + 1, GatewayHttp.DROPPED, "direction", "to_line");
          check(
              oneConnect.inspection().transcript(demo.support.id(), ivan).stream()
                  .noneMatch(e -> contains(e, text)),
              "the message not in the line");
          print.note(
              "not delivered to the line «"
                  + DemoCompany.SUPPORT
                  + "»: recorded as dropped (/metrics)");
        });
    step(
        "Another user writes, then blocks the bot",
        "her message in the line",
        () -> {
          String text = "Добрый день, вопрос по счёту № 15.";
          userSays(MARIA, text);
          telegram.bot(token).user(MARIA).sendsText(text);
          maria = lines.awaitNewUser(demo.support, text);
          awaitInLine(maria, "her text", entry -> text.equals(entry.text()));
          print.say(tg(MARIA), "блокирует бота");
          telegram.bot(token).user(MARIA).blocksBot();
        });
    step(
        "The specialist answers the user who blocked the bot",
        "nothing sent to Telegram; the specialist told in the line",
        () -> {
          String text = "Мария, счёт отправлен вам на почту.";
          specialistSays(maria, text);
          oneConnect
              .scenario()
              .specialistWrites(demo.support.id(), maria, demo.specialist.id(), text);
          awaitInLine(maria, "the gateway's notice", entry -> contains(entry, "заблокировал бота"));
          check(
              telegram.sentCount(token, MARIA.id()) == 0,
              "nothing sent to the user who blocked the bot");
          print.note("not sent to " + tg(MARIA) + ": the bot is blocked");
        });
    step(
        "…and writes once more",
        "still not sent, recorded as dropped, and no second notice",
        () -> {
          double before = gateway.metric(GatewayHttp.DROPPED, "direction", "to_channel");
          String text = "Мария, вы получили счёт?";
          specialistSays(maria, text);
          oneConnect
              .scenario()
              .specialistWrites(demo.support.id(), maria, demo.specialist.id(), text);
          gateway.awaitMetric(before + 1, GatewayHttp.DROPPED, "direction", "to_channel");
          long notices =
              oneConnect.inspection().transcript(demo.support.id(), maria).stream()
                  .filter(entry -> contains(entry, "заблокировал бота"))
                  .count();
          check(notices == 1, "exactly one notice in the line, got " + notices);
          check(
              telegram.sentCount(token, MARIA.id()) == 0,
              "nothing sent to the user who blocked the bot");
          print.note("not sent, recorded as dropped; the specialist was told once");
        });
    step(
        "The gateway's admin API lists the bot's Telegram users",
        "the banned user and the one who blocked the bot " + "marked so",
        () -> {
          print.say(
              "Администратор шлюза → GET",
              env.gatewayUrl + "/admin/connections  (Authorization: Bearer …)");
          JsonNode connection = gateway.adminConnection(demo.bot).orElse(null);
          check(
              connection != null && DemoCompany.SUPPORT.equals(connection.path("line").asText()),
              "the connection of the line «" + DemoCompany.SUPPORT + "»");
          print.say(
              "Шлюз ← 200",
              "линия «"
                  + connection.path("line").asText()
                  + "», бот "
                  + connection.path("bot").asText()
                  + ", клиент «"
                  + connection.path("client").asText()
                  + "», состояние: "
                  + RussianLabels.state(connection.path("state").asText()));
          String path = "/admin/connections/" + connection.path("id").asText() + "/accounts";
          print.say("Администратор шлюза → GET", env.gatewayUrl + path);
          boolean ivanBanned = false;
          boolean mariaBlocked = false;
          for (JsonNode account : gateway.admin(path)) {
            String who = account.path("name").asText();
            boolean banned = account.path("banned").asBoolean();
            boolean blocked = account.path("blocked").asBoolean();
            print.say(
                "Шлюз ← 200",
                who
                    + (account.hasNonNull("username")
                        ? " (@" + account.path("username").asText() + ")"
                        : "")
                    + ", "
                    + RussianLabels.chatKind(account.path("chat_kind").asText())
                    + (banned ? ", линия отключена (бан)" : "")
                    + (blocked ? ", бот заблокирован" : ""));
            ivanBanned |= who.startsWith(IVAN.firstName()) && banned;
            mariaBlocked |= who.startsWith(MARIA.firstName()) && blocked;
          }
          check(ivanBanned, accountName(IVAN) + " marked as banned");
          check(mariaBlocked, accountName(MARIA) + " marked as having blocked the bot");
        });
    step(
        "The ban is lifted: the user's line is switched on again",
        "the gateway learns it from 1C-Connect's event; the user's next message reaches the line",
        () -> {
          print.say(
              "Администратор 1С-Коннект",
              "снова включает пользователю «"
                  + lineUser(ivan)
                  + "» линию «"
                  + DemoCompany.SUPPORT
                  + "»");
          oneConnect.world().unban(ivan, demo.support.id());
          gateway.awaitBanRecorded(demo.bot, accountName(IVAN), false);
          String text = "Теперь получилось? Чек так и не пришёл.";
          userSays(IVAN, text);
          telegram.bot(token).user(IVAN).sendsText(text);
          awaitInLine(ivan, "the text after the unban", entry -> text.equals(entry.text()));
        });
    step(
        "List the lines with a Telegram bot",
        "«Поддержка» with @" + DemoCompany.BOT_USERNAME + ", state «активно»",
        () -> {
          TranscriptEntry list = manage(ManagementChat.LIST, "Линии с Telegram-ботами:");
          check(
              list.text().contains("«" + DemoCompany.SUPPORT + "»")
                  && list.text().contains("активно"),
              "«Поддержка» in state «активно», got " + list.text());
        });
    step(
        "Disconnect: choose the line",
        "a one-time link to the disconnect page",
        () -> {
          manage(
              ManagementChat.DISCONNECT,
              "Выберите линию, от которой нужно отключить Telegram-бот.");
          TranscriptEntry answer =
              manage(DemoCompany.SUPPORT, "Чтобы отключить бот @" + DemoCompany.BOT_USERNAME);
          lastLink = ManagementChat.link(answer.text());
        });
    step(
        "Confirm the disconnection with the API account",
        "the page and the management line saying «отключен»",
        () -> {
          print.say("Браузер → GET", lastLink);
          GatewayHttp.Page form = gateway.get(lastLink);
          check(form.status() == 200, "the disconnect page, got " + form.summary());
          print.say("Страница ← " + form.status(), form.headline());
          print.say(
              "Браузер → POST", lastLink + "  login=" + DemoCompany.API_LOGIN + " password=••••••");
          GatewayHttp.Page page =
              gateway.submit(
                  lastLink,
                  DemoCompany.API_LOGIN,
                  settings.confirmationPassword().orElse(DemoCompany.API_PASSWORD));
          check(
              page.status() == 200 && page.body().contains("отключен"),
              "HTTP 200 saying the bot is «отключен», got " + page.summary());
          print.say("Страница ← " + page.status(), page.sentence("отключен"));
          chat.awaitAnswer("отключен от линии «" + DemoCompany.SUPPORT + "»");
        });
    ErrorPathSteps.define(this);
    MaxSteps.define(this);
  }

  // ---- the management line

  TranscriptEntry manage(String text, String expected) {
    String shown =
        BOT_TOKEN.matcher(text).matches()
            ? text.substring(0, text.indexOf(':') + 4) + "…  (токен от @BotFather)"
            : text;
    print.say("Специалист → Управление каналами", shown);
    return chat.say(text, expected);
  }

  // ---- the line «Поддержка»

  /** Waits for the user's next entry meeting the condition; prints what they posted up to it. */
  private void awaitInLine(String user, String what, Predicate<TranscriptEntry> condition) {
    long mark = lineMarks.getOrDefault(user, -1L);
    TranscriptEntry found =
        lines.awaitFromUser(
            demo.support, user, what, entry -> entry.seq() > mark && condition.test(entry));
    for (TranscriptEntry entry : lines.fromUser(demo.support, user)) {
      if (entry.seq() > mark && entry.seq() <= found.seq()) {
        print.say(
            "Линия «" + DemoCompany.SUPPORT + "» ← " + lineUser(user),
            TranscriptPrinter.render(entry));
      }
    }
    lineMarks.put(user, found.seq());
  }

  private void specialistSays(String user, String text) {
    print.say(
        "Линия «"
            + DemoCompany.SUPPORT
            + "» → "
            + lineUser(user)
            + " ("
            + demo.specialistName()
            + ")",
        text);
  }

  private String lineUser(String user) {
    if (user.equals(group)) {
      return "группа «" + GROUP.title() + "»";
    }
    return lines.displayName(user);
  }

  // ---- Telegram

  private void userSays(UserSpec user, String text) {
    print.say(tg(user) + " → бот", text);
  }

  private void awaitTelegram(long chat, String who, Predicate<SentMessage> condition) {
    int mark = telegramMarks.getOrDefault(chat, 0);
    int index =
        Await.until(
            () -> {
              List<SentMessage> sent = telegram.sentMessages(token, chat);
              for (int i = mark; i < sent.size(); i++) {
                if (condition.test(sent.get(i))) {
                  return Optional.of(i);
                }
              }
              return Optional.empty();
            },
            settings.stepTimeout(),
            "a matching message from the bot to " + who);
    List<SentMessage> sent = telegram.sentMessages(token, chat);
    for (int i = mark; i <= index; i++) {
      print.say("бот → " + who, TranscriptPrinter.render(sent.get(i)));
    }
    telegramMarks.put(chat, index + 1);
  }

  private static String tg(UserSpec user) {
    return "Telegram @" + user.username();
  }

  private static String tg(GroupSpec chat) {
    return "Telegram группа «" + chat.title() + "»";
  }

  // ---- checks

  static void check(boolean condition, String expected) {
    if (!condition) {
      throw new AssertionError("not met: " + expected);
    }
  }
}
