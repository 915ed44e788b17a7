package io.omnichannel.sandbox;

import static io.omnichannel.sandbox.SandboxStory.check;

import io.omnichannel.sandbox.scenario.GatewayHttp;
import io.omnichannel.sandbox.scenario.ManagementChat;
import io.omnichannel.testkit.telegram.BotInfo;

/**
 * The story's short error-path part, after the disconnect: connecting the bot again meets a
 * malformed token and a wrong API password before it succeeds; a second bot on the same API account
 * is warned about; a sixth bot is refused; a company without the tariff option is refused. It ends
 * with the story's bot connected again, for {@code --keep-running}.
 */
final class ErrorPathSteps {
  static final String MALFORMED_TOKEN = "123456:это-не-токен";
  static final String WRONG_PASSWORD = "not-the-password";

  private final SandboxStory story;
  private final DemoCompany demo;
  private String link;

  private ErrorPathSteps(SandboxStory story) {
    this.story = story;
    this.demo = story.demo;
  }

  static void define(SandboxStory story) {
    new ErrorPathSteps(story).define();
  }

  private void define() {
    story.step(
        "Errors: connect the bot again, with a malformed token",
        "«Это не похоже на токен бота», and the token asked for again",
        () -> {
          story.print.note("error paths: each refusal as the specialist or the browser sees it");
          story.manage(ManagementChat.CONNECT, "Страница 1 из 2");
          story.manage("▶", "Страница 2 из 2");
          story.manage(DemoCompany.SUPPORT, "Отправьте токен Telegram-бота");
          story.manage(MALFORMED_TOKEN, "Это не похоже на токен бота.");
          link =
              ManagementChat.link(
                  story
                      .manage(story.token, "Чтобы подключить бот @" + DemoCompany.BOT_USERNAME)
                      .text());
        });
    story.step(
        "…a wrong API password on the confirmation page",
        "HTTP 422 «Неверный логин или пароль учетной записи API», the form shown again",
        () -> {
          GatewayHttp.Page page = submit(link, WRONG_PASSWORD);
          check(
              page.status() == 422 && page.body().contains("Неверный логин или пароль"),
              "HTTP 422 saying «Неверный логин или пароль», got " + page.summary());
          story.print.say("Страница ← " + page.status(), page.sentence("Неверный"));
        });
    story.step(
        "…then the right one",
        "the bot connected to «Поддержка» again",
        () -> {
          GatewayHttp.Page page = submit(link, DemoCompany.API_PASSWORD);
          check(
              page.status() == 200 && page.body().contains("подключен к линии"),
              "HTTP 200 saying the bot is «подключен к линии», got " + page.summary());
          story.print.say("Страница ← " + page.status(), page.sentence("подключен"));
          story.chat.awaitAnswer("подключен к линии «" + DemoCompany.SUPPORT + "»");
        });
    story.step(
        "A second bot on the same API account",
        "connected, with a warning on the page and in the management line",
        () -> {
          story.manage(ManagementChat.CONNECT, "Страница 1 из 2");
          story.manage("▶", "Страница 2 из 2");
          story.manage(DemoCompany.SALES, "Отправьте токен Telegram-бота");
          String salesLink =
              ManagementChat.link(
                  story
                      .manage(
                          demo.salesBot.token(),
                          "Чтобы подключить бот @" + demo.salesBot.username())
                      .text());
          GatewayHttp.Page page = submit(salesLink, DemoCompany.API_PASSWORD);
          check(
              page.status() == 200 && page.body().contains("уже используется ботом"),
              "HTTP 200 warning that the account «уже используется ботом», got " + page.summary());
          story.print.say("Страница ← " + page.status(), page.sentence("уже используется"));
          story.chat.awaitAnswer("Обратите внимание: эта учетная запись API уже используется");
        });
    story.step(
        "A sixth bot",
        "«Компания уже подключила 5 Telegram-ботов — это максимум»",
        () -> {
          ManagementChat colleague =
              new ManagementChat(
                  story.oneConnect,
                  story.env.emulators.management.id(),
                  demo.colleague.id(),
                  story.settings.stepTimeout());
          for (int i = 0; i < DemoCompany.FILLED_LINES.size(); i++) {
            BotInfo bot = demo.moreBots.get(i);
            String line = DemoCompany.FILLED_LINES.get(i);
            GatewayHttp.Page page =
                story.gateway.submit(
                    colleague.connectLink(line, bot),
                    DemoCompany.API_LOGIN,
                    DemoCompany.API_PASSWORD);
            check(page.status() == 200, "@" + bot.username() + " connected, got " + page.summary());
          }
          story.print.note(
              demo.colleague.name()
                  + " "
                  + demo.colleague.surname()
                  + " connects three more bots the same way (lines "
                  + String.join(", ", DemoCompany.FILLED_LINES)
                  + "): the company has five");
          story.manage(
              ManagementChat.CONNECT, "Компания уже подключила 5 Telegram-ботов — это максимум.");
        });
    story.step(
        "Another company, whose tariff option is switched off",
        "«нужна активная тарифная опция «Подключение внешних каналов»»",
        () -> {
          String company = "«" + demo.otherCompany.name() + "»";
          story.print.say(
              "Администратор 1С-Коннект",
              "отключает компании " + company + " тарифную опцию «Подключение внешних каналов»");
          story.oneConnect.world().setExternalChannels(demo.otherCompany.id(), false);
          String who =
              "Специалист "
                  + company
                  + " ("
                  + demo.otherSpecialist.name()
                  + " "
                  + demo.otherSpecialist.surname()
                  + ")";
          ManagementChat other =
              new ManagementChat(
                      story.oneConnect,
                      story.env.emulators.management.id(),
                      demo.otherSpecialist.id(),
                      story.settings.stepTimeout())
                  .onAnswer(
                      answer ->
                          story.print.say(
                              "Управление каналами → " + who, TranscriptPrinter.render(answer)));
          story.print.say(who + " → Управление каналами", "Telegram");
          other.say("Telegram", "Telegram: выберите действие.");
          story.print.say(who + " → Управление каналами", ManagementChat.CONNECT);
          other.say(
              ManagementChat.CONNECT,
              "нужна активная тарифная опция «Подключение внешних каналов»");
        });
  }

  private GatewayHttp.Page submit(String url, String password) {
    story.print.say(
        "Браузер → POST", url + "  login=" + DemoCompany.API_LOGIN + " password=••••••");
    return story.gateway.submit(url, DemoCompany.API_LOGIN, password);
  }
}
