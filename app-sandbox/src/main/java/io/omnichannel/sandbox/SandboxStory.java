package io.omnichannel.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.regex.Matcher;
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
  private static final Pattern LINK = Pattern.compile("(https?://\\S+/confirm/[A-Za-z0-9_-]+)");

  /** One act and the outcome it must reach. */
  interface Action {
    void run() throws Exception;
  }

  record Step(String title, String expected, Action action) {}

  private final SandboxEnvironment env;
  private final TelegramEmulator telegram;
  private final OneConnectEmulator oneConnect;
  private final DemoCompany demo;
  private final SandboxSettings settings;
  private final TranscriptPrinter print;
  private final GatewayHttp gateway;
  private final String token;
  private final List<Step> steps = new ArrayList<>();

  private long managementMark = -1;
  private final Map<String, Long> lineMarks = new HashMap<>();
  private final Map<Long, Integer> telegramMarks = new HashMap<>();
  private String ivan;
  private String maria;
  private String group;
  private String lastLink;
  private int passed;

  SandboxStory(SandboxEnvironment env, SandboxSettings settings, TranscriptPrinter print) {
    this.env = env;
    this.telegram = env.telegram;
    this.oneConnect = env.oneConnect;
    this.demo = env.demo;
    this.settings = settings;
    this.print = print;
    this.gateway = new GatewayHttp(env.gatewayUrl, settings.stepTimeout());
    this.token = demo.bot.token();
    define();
  }

  int total() {
    return steps.size();
  }

  int passed() {
    return passed;
  }

  /**
   * The confirmation page the story used last (already used: a new one comes from the management
   * line).
   */
  String lastConfirmationLink() {
    return lastLink;
  }

  GatewayHttp gateway() {
    return gateway;
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

  private void step(String title, String expected, Action action) {
    steps.add(new Step(title, expected, action));
  }

  private void define() {
    step(
        "The specialist writes to the channel-management line",
        "the channel menu (Подключить / Отключить / Показать)",
        () -> {
          TranscriptEntry menu = manage("Telegram", "Telegram: выберите действие.");
          check(
              buttons(menu)
                  .containsAll(
                      List.of(
                          "Подключить Telegram-бот",
                          "Отключить Telegram-бот",
                          "Показать линии с Telegram-бот")),
              "the three channel actions as buttons, got " + buttons(menu));
        });
    step(
        "Connect: the wizard offers the company's lines, page 1 of 2",
        "five of the seven eligible lines and ▶, without the line for specialists only",
        () -> {
          TranscriptEntry page = manage("Подключить Telegram-бот", "Страница 1 из 2");
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
                  + "» is not (SPECIALISTS_ONLY)");
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
          lastLink = link(answer.text());
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
          awaitManagement("подключен к линии «" + DemoCompany.SUPPORT + "»");
        });
    step(
        "A Telegram user writes to the bot",
        "the text in the line «Поддержка», from the user's account",
        () -> {
          String text = "Здравствуйте! После оплаты не пришёл чек.";
          userSays(IVAN, text);
          telegram.bot(token).user(IVAN).sendsText(text);
          ivan = awaitNewLineUser(text);
          awaitInLine(ivan, "the text", entry -> text.equals(entry.text()));
          check(
              oneConnect.world().clients().stream()
                  .anyMatch(c -> c.name().equals("Telegram: " + DemoCompany.BOT_NAME)),
              "the technical client «Telegram: " + DemoCompany.BOT_NAME + "»");
          print.note(
              "the user is now a client user of «Telegram: "
                  + DemoCompany.BOT_NAME
                  + "» in 1C-Connect");
        });
    step(
        "…sends a photo",
        "the image in the line",
        () -> {
          userSays(IVAN, "[фото, 180 КБ] Скриншот ошибки");
          telegram.bot(token).user(IVAN).sendsPhoto("Скриншот ошибки", 180_000);
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
          userSays(IVAN, "[документ «Выгрузка базы.zip», 25,0 МБ]");
          telegram
              .bot(token)
              .user(IVAN)
              .sendsDocument("Выгрузка базы.zip", "application/zip", 25L << 20);
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
          GroupScenario chat = telegram.bot(token).group(GROUP);
          print.say(
              "Telegram @" + OLGA.username(),
              "добавляет бота в группу «" + GROUP.title() + "» администратором");
          chat.addsBotAsAdministrator(OLGA);
          String first = "Добрый день! Не формируется отчёт по продажам.";
          print.say(tg(GROUP) + ", " + name(OLGA) + " → бот", first);
          chat.member(OLGA).sendsText(first);
          group = awaitNewLineUser(first);
          awaitInLine(group, "Olga's message", entry -> contains(entry, first));
          String second = "Номер заказа — 4711.";
          print.say(tg(GROUP) + ", " + name(PETR) + " → бот", second);
          chat.member(PETR).sendsText(second);
          awaitInLine(group, "Pyotr's message", entry -> contains(entry, second));
          List<TranscriptEntry> said =
              oneConnect.inspection().transcript(demo.support.id(), group).stream()
                  .filter(entry -> entry.direction() == TranscriptEntry.Direction.TO_LINE)
                  .toList();
          check(
              said.stream().anyMatch(e -> e.text().startsWith(name(OLGA) + ": ")),
              "a line starting with «" + name(OLGA) + ": »");
          check(
              said.stream().anyMatch(e -> e.text().startsWith(name(PETR) + ": ")),
              "a line starting with «" + name(PETR) + ": »");
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
          specialistSays(ivan, "[файл «Инструкция.pdf», 64 КБ] Инструкция по настройке кассы");
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
          double before = gateway.dropped("to_line");
          String text = "Алло, вы здесь?";
          userSays(IVAN, text);
          telegram.bot(token).user(IVAN).sendsText(text);
          gateway.awaitMetric(
              () -> gateway.dropped("to_line") > before, "a dropped message towards the line");
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
          maria = awaitNewLineUser(text);
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
          double before = gateway.dropped("to_channel");
          String text = "Мария, вы получили счёт?";
          specialistSays(maria, text);
          oneConnect
              .scenario()
              .specialistWrites(demo.support.id(), maria, demo.specialist.id(), text);
          gateway.awaitMetric(
              () -> gateway.dropped("to_channel") > before, "a dropped message towards Telegram");
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
          JsonNode connection = null;
          for (JsonNode each : gateway.admin("/admin/connections", env.adminToken)) {
            if (DemoCompany.SUPPORT.equals(each.path("line").asText())) {
              connection = each;
            }
          }
          check(connection != null, "the connection of the line «" + DemoCompany.SUPPORT + "»");
          print.say(
              "Шлюз ← 200",
              "линия «"
                  + connection.path("line").asText()
                  + "», бот "
                  + connection.path("bot").asText()
                  + ", клиент «"
                  + connection.path("client").asText()
                  + "», состояние "
                  + connection.path("state").asText());
          String path = "/admin/connections/" + connection.path("id").asText() + "/accounts";
          print.say("Администратор шлюза → GET", env.gatewayUrl + path);
          boolean ivanBanned = false;
          boolean mariaBlocked = false;
          for (JsonNode account : gateway.admin(path, env.adminToken)) {
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
                    + account.path("chat_kind").asText()
                    + (banned ? ", линия отключена (бан)" : "")
                    + (blocked ? ", бот заблокирован" : ""));
            ivanBanned |= who.startsWith(IVAN.firstName()) && banned;
            mariaBlocked |= who.startsWith(MARIA.firstName()) && blocked;
          }
          check(ivanBanned, name(IVAN) + " marked as banned");
          check(mariaBlocked, name(MARIA) + " marked as having blocked the bot");
        });
    step(
        "List the lines with a Telegram bot",
        "«Поддержка» with @" + DemoCompany.BOT_USERNAME + ", state «активно»",
        () -> {
          TranscriptEntry list =
              manage("Показать линии с Telegram-бот", "Линии с Telegram-ботами:");
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
              "Отключить Telegram-бот", "Выберите линию, от которой нужно отключить Telegram-бот.");
          TranscriptEntry answer =
              manage(DemoCompany.SUPPORT, "Чтобы отключить бот @" + DemoCompany.BOT_USERNAME);
          lastLink = link(answer.text());
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
          awaitManagement("отключен от линии «" + DemoCompany.SUPPORT + "»");
        });
  }

  // ---- the management line

  private TranscriptEntry manage(String text, String expected) {
    String shown =
        text.equals(token)
            ? token.substring(0, token.indexOf(':') + 4) + "…  (токен от @BotFather)"
            : text;
    print.say("Специалист → Управление каналами", shown);
    oneConnect.scenario().specialistWritesToManagementLine(demo.specialist.id(), text);
    return awaitManagement(expected);
  }

  private TranscriptEntry awaitManagement(String expected) {
    long mark = managementMark;
    TranscriptEntry answer;
    try {
      answer =
          oneConnect
              .inspection()
              .awaitTranscriptEntry(
                  demo.management.id(),
                  demo.specialist.id(),
                  entry ->
                      entry.seq() > mark
                          && entry.direction() == TranscriptEntry.Direction.TO_USER
                          && entry.text() != null
                          && entry.text().contains(expected),
                  settings.stepTimeout());
    } catch (AssertionError missing) {
      throw new AssertionError(
          "no answer with «"
              + expected
              + "» from the management line within "
              + settings.stepTimeout().toSeconds()
              + " s",
          missing);
    }
    for (TranscriptEntry entry :
        oneConnect.inspection().transcript(demo.management.id(), demo.specialist.id())) {
      if (entry.seq() > mark
          && entry.seq() <= answer.seq()
          && entry.direction() == TranscriptEntry.Direction.TO_USER) {
        print.say("Управление каналами → Специалист", TranscriptPrinter.render(entry));
      }
    }
    managementMark = answer.seq();
    return answer;
  }

  // ---- the line «Поддержка»

  /** The platform user a Telegram chat became: found by the first text it posted to the line. */
  private String awaitNewLineUser(String text) {
    return Await.until(
        () ->
            oneConnect.inspection().transcripts().stream()
                .filter(
                    entry ->
                        entry.lineId().equals(demo.support.id())
                            && entry.direction() == TranscriptEntry.Direction.TO_LINE
                            && contains(entry, text))
                .map(TranscriptEntry::userId)
                .findFirst(),
        settings.stepTimeout(),
        "«" + text + "» in the line «" + DemoCompany.SUPPORT + "»");
  }

  private void awaitInLine(String user, String what, Predicate<TranscriptEntry> condition) {
    long mark = lineMarks.getOrDefault(user, -1L);
    TranscriptEntry found;
    try {
      found =
          oneConnect
              .inspection()
              .awaitTranscriptEntry(
                  demo.support.id(),
                  user,
                  entry ->
                      entry.seq() > mark
                          && entry.direction() == TranscriptEntry.Direction.TO_LINE
                          && condition.test(entry),
                  settings.stepTimeout());
    } catch (AssertionError missing) {
      throw new AssertionError(
          "no "
              + what
              + " in the line «"
              + DemoCompany.SUPPORT
              + "» within "
              + settings.stepTimeout().toSeconds()
              + " s",
          missing);
    }
    for (TranscriptEntry entry : oneConnect.inspection().transcript(demo.support.id(), user)) {
      if (entry.seq() > mark
          && entry.seq() <= found.seq()
          && entry.direction() == TranscriptEntry.Direction.TO_LINE) {
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
    return oneConnect
        .world()
        .clientUser(user)
        .map(
            u ->
                u.surname() == null || u.surname().isBlank()
                    ? u.name()
                    : u.name() + " " + u.surname())
        .orElse(user);
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

  private static String name(UserSpec user) {
    return user.lastName() == null ? user.firstName() : user.firstName() + " " + user.lastName();
  }

  // ---- checks

  private static List<String> buttons(TranscriptEntry entry) {
    return entry.keyboard() == null
        ? List.of()
        : entry.keyboard().stream().flatMap(List::stream).map(Button::text).toList();
  }

  private static boolean contains(TranscriptEntry entry, String text) {
    return entry.text() != null && entry.text().contains(text);
  }

  private static String link(String text) {
    Matcher link = LINK.matcher(text);
    check(link.find(), "a link in «" + text + "»");
    return link.group(1);
  }

  private static void check(boolean condition, String expected) {
    if (!condition) {
      throw new AssertionError("not met: " + expected);
    }
  }
}
