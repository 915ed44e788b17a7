package io.omnichannel.sandbox;

import static io.omnichannel.sandbox.SandboxStory.check;

import io.omnichannel.sandbox.scenario.Await;
import io.omnichannel.sandbox.scenario.GatewayHttp;
import io.omnichannel.sandbox.scenario.ManagementChat;
import io.omnichannel.testkit.max.MaxBotInfo;
import io.omnichannel.testkit.max.MaxDialogScenario;
import io.omnichannel.testkit.max.MaxSentMessage;
import io.omnichannel.testkit.max.MaxUser;
import io.omnichannel.testkit.oneconnect.Line;
import io.omnichannel.testkit.oneconnect.TranscriptEntry;
import java.util.List;

/**
 * MAX beside Telegram: another specialist of «Ромашка» connects the company's MAX bot to a free
 * line through the same management line and confirmation page, and a MAX user and the line talk.
 */
final class MaxSteps {
  private static final String WHO = "Специалист (Елена Кузьмина)";
  private final SandboxStory story;
  private final DemoCompany demo;
  private final ManagementChat chat;
  private String link;

  private MaxSteps(SandboxStory story) {
    this.story = story;
    this.demo = story.demo;
    this.chat =
        new ManagementChat(
                story.oneConnect,
                story.env.emulators.management.id(),
                demo.maxSpecialist.id(),
                story.settings.stepTimeout())
            .onAnswer(
                answer ->
                    story.print.say(
                        "Управление каналами → " + WHO, TranscriptPrinter.render(answer)));
  }

  static void define(SandboxStory story) {
    new MaxSteps(story).steps();
  }

  private TranscriptEntry say(String text, String shown, String expected) {
    story.print.say(WHO + " → Управление каналами", shown);
    return chat.say(text, expected);
  }

  private void steps() {
    MaxBotInfo bot = demo.maxBot;
    story.step(
        "MAX: the management line offers MAX beside Telegram",
        "the root menu with Telegram and MAX, then the MAX menu",
        () -> {
          TranscriptEntry root =
              say("Здравствуйте!", "Здравствуйте!", "Выберите канал, которым хотите управлять.");
          check(
              ManagementChat.buttons(root).containsAll(List.of("Telegram", "MAX")),
              "Telegram and MAX buttons, got " + ManagementChat.buttons(root));
          say("MAX", "MAX", "MAX: выберите действие.");
          say(
              "Подключить MAX-бот",
              "Подключить MAX-бот",
              "Выберите линию, к которой нужно подключить MAX-бот.");
          say(DemoCompany.MAX_LINE, DemoCompany.MAX_LINE, "Отправьте токен MAX-бота");
          TranscriptEntry answer =
              say(
                  bot.token(),
                  bot.token().substring(0, 6) + "…  (токен с платформы MAX для партнёров)",
                  "Чтобы подключить бот @" + DemoCompany.MAX_BOT_USERNAME);
          link = ManagementChat.link(answer.text());
        });
    story.step(
        "MAX: confirm with the API account",
        "the management line saying «MAX-бот … подключен к линии «" + DemoCompany.MAX_LINE + "»»",
        () -> {
          story.print.say(
              "Браузер → POST", link + "  login=" + DemoCompany.API_LOGIN + " password=••••••");
          GatewayHttp.Page page =
              story.gateway.submit(link, DemoCompany.API_LOGIN, DemoCompany.API_PASSWORD);
          check(
              page.status() == 200 && page.body().contains("подключен к линии"),
              "HTTP 200 saying the bot is «подключен к линии», got " + page.summary());
          story.print.say("Страница ← " + page.status(), page.sentence("подключен"));
          chat.awaitAnswer(
              "MAX-бот @"
                  + DemoCompany.MAX_BOT_USERNAME
                  + " подключен к линии «"
                  + DemoCompany.MAX_LINE
                  + "»");
        });
    story.step(
        "MAX: a MAX user writes, the specialist answers",
        "the text in the line «" + DemoCompany.MAX_LINE + "», the answer in MAX",
        () -> {
          Line line =
              demo.lines.stream()
                  .filter(each -> each.name().equals(DemoCompany.MAX_LINE))
                  .findFirst()
                  .orElseThrow();
          story.env.max.awaitPolling(bot.token(), story.settings.stepTimeout());
          MaxDialogScenario olga =
              story.env.max.bot(bot.token()).dialog(MaxUser.of(5001, "Ольга", "Орлова", "olga"));
          String text = "Добрый день! Нужна справка 2-НДФЛ.";
          story.print.say("MAX Ольга Орлова → бот", text);
          olga.sendsText(text);
          String account = story.lines.awaitNewUser(line, text);
          story.print.say(
              "Линия «" + DemoCompany.MAX_LINE + "» ← " + story.lines.displayName(account), text);
          String reply = "Здравствуйте, Ольга! Справка будет готова завтра.";
          story.print.say(
              "Линия «" + DemoCompany.MAX_LINE + "» → " + story.lines.displayName(account), reply);
          story
              .oneConnect
              .scenario()
              .specialistWrites(line.id(), account, demo.maxSpecialist.id(), reply);
          MaxSentMessage sent =
              Await.until(
                  () ->
                      story.env.max.sentMessages(bot.token(), olga.chatId()).stream()
                          .filter(message -> reply.equals(message.text()))
                          .findFirst(),
                  story.settings.stepTimeout(),
                  "the answer in MAX");
          story.print.say("бот → MAX Ольга Орлова", sent.text());
        });
  }
}
