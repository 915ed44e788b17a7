package io.omnichannel.core.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.core.domain.ApiAccount;
import io.omnichannel.core.domain.BotToken;
import io.omnichannel.core.domain.ConfirmationToken;
import io.omnichannel.core.domain.DialogState;
import io.omnichannel.core.domain.Keyboard;
import io.omnichannel.core.domain.Line;
import io.omnichannel.core.domain.LineAvailability;
import io.omnichannel.core.domain.Menu;
import io.omnichannel.core.domain.PendingAction;
import io.omnichannel.core.domain.PlatformUserId;
import io.omnichannel.core.fakes.CoreFixture;
import io.omnichannel.core.fakes.FakePlatform.ManagementReply;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The management line as conversations: what the specialist sends, what they see and can press. */
class ManagementDialogTest {
  private static final Pattern LINK =
      Pattern.compile("https://gateway\\.example/confirm/([A-Za-z0-9_-]+)");

  private final CoreFixture world = new CoreFixture();

  private static List<String> buttons(ManagementReply reply) {
    return ((Keyboard.ShowMenu) reply.keyboard()).menu().buttonTexts();
  }

  private static List<List<String>> rows(ManagementReply reply) {
    Menu menu = ((Keyboard.ShowMenu) reply.keyboard()).menu();
    return menu.rows().stream().map(row -> row.stream().map(b -> b.text()).toList()).toList();
  }

  private static String linkToken(ManagementReply reply) {
    Matcher matcher = LINK.matcher(reply.text());
    assertThat(matcher.find()).as("a confirmation link in: %s", reply.text()).isTrue();
    return matcher.group(1);
  }

  private void lines(int count) {
    IntStream.rangeClosed(1, count)
        .forEach(i -> world.platform.line(world.company, String.format("Линия %02d", i)));
  }

  private ManagementReply openConnectWizard() {
    world.say("Telegram");
    return world.say("Подключить Telegram-бот");
  }

  @Nested
  class Menus {
    @Test
    void firstMessageShowsTheChannelMenuWithAHint() {
      ManagementReply reply = world.say("Здравствуйте");

      assertThat(reply.text())
          .contains("Пожалуйста, выберите пункт меню.")
          .contains("Выберите канал");
      assertThat(buttons(reply)).containsExactly("Telegram");
    }

    @Test
    void telegramOffersConnectDisconnectListAndBack() {
      ManagementReply reply = world.say("Telegram");

      assertThat(reply.text()).isEqualTo("Telegram: выберите действие.");
      assertThat(rows(reply))
          .containsExactly(
              List.of("Подключить Telegram-бот"),
              List.of("Отключить Telegram-бот"),
              List.of("Показать линии с Telegram-бот"),
              List.of("Назад"));
    }

    @Test
    void buttonsMatchRegardlessOfCaseAndBlanks() {
      ManagementReply reply = world.say("  telegram ");

      assertThat(reply.text()).isEqualTo("Telegram: выберите действие.");
    }

    @Test
    void freeTextReshowsTheCurrentMenuWithAHint() {
      world.say("Telegram");

      ManagementReply reply = world.say("что тут делать?");

      assertThat(reply.text())
          .startsWith("Пожалуйста, выберите пункт меню.")
          .endsWith("Telegram: выберите действие.");
      assertThat(buttons(reply)).contains("Подключить Telegram-бот");
    }

    @Test
    void pressingTelegramAgainInItsMenuShowsTheMenuWithoutAHint() {
      world.say("Telegram");

      assertThat(world.say("Telegram").text()).isEqualTo("Telegram: выберите действие.");
    }

    @Test
    void backFromTheTelegramMenuReturnsToTheChannels() {
      world.say("Telegram");

      assertThat(buttons(world.say("Назад"))).containsExactly("Telegram");
    }

    @Test
    void someoneWhoIsNoSpecialistIsToldSoAndGetsNoMenu() {
      world.dialog.handle(new PlatformUserId("stranger"), "Telegram");

      ManagementReply reply = world.platform.lastReply();
      assertThat(reply.text()).contains("только специалисты");
      assertThat(reply.keyboard()).isEqualTo(Keyboard.REMOVE);
    }

    @Test
    void aReplyThatFailsLeavesTheStateSoTheRetriedMessageGetsTheSameAnswer() {
      world.platform.failNextReply(
          new io.omnichannel.core.domain.failure.PlatformUnavailable("down"));

      org.assertj.core.api.Assertions.assertThatThrownBy(() -> world.say("Telegram"))
          .isInstanceOf(io.omnichannel.core.domain.failure.PlatformUnavailable.class);
      assertThat(world.dialogs.load(world.specialist.id()).orElse(DialogState.START))
          .isEqualTo(DialogState.START);

      assertThat(world.say("Telegram").text()).isEqualTo("Telegram: выберите действие.");
    }

    @Test
    void dialogStateIsSavedAfterEveryStepSoARestartResumesIt() {
      lines(2);
      openConnectWizard();

      assertThat(world.dialogs.load(world.specialist.id()))
          .contains(
              new DialogState.ChoosingLine(
                  world.messenger.kind(), io.omnichannel.core.domain.WizardPurpose.CONNECT, 0));
    }
  }

  @Nested
  class ConnectWizard {
    @Test
    void offersOnlyLinesForClientsAndSpecialistsWithoutABot() {
      world.platform.line(world.company, "Поддержка");
      world.platform.line(world.company, "Внутренняя", LineAvailability.SPECIALISTS_ONLY);
      world.connectedLine("Продажи", "Sales", "sales_bot");
      world.platform.line(new io.omnichannel.core.domain.CompanyId("other"), "Чужая");

      ManagementReply reply = openConnectWizard();

      assertThat(reply.text())
          .isEqualTo("Выберите линию, к которой нужно подключить Telegram-бот.");
      assertThat(rows(reply)).containsExactly(List.of("Поддержка"), List.of("Назад", "Отмена"));
    }

    @Test
    void pagesTwelveLinesFiveFiveAndTwoWithArrows() {
      lines(12);

      ManagementReply first = openConnectWizard();
      assertThat(first.text()).endsWith("Страница 1 из 3.");
      assertThat(rows(first))
          .containsExactly(
              List.of("Линия 01"),
              List.of("Линия 02"),
              List.of("Линия 03"),
              List.of("Линия 04"),
              List.of("Линия 05"),
              List.of("▶"),
              List.of("Назад", "Отмена"));

      ManagementReply second = world.say("▶");
      assertThat(second.text()).endsWith("Страница 2 из 3.");
      assertThat(rows(second))
          .containsExactly(
              List.of("Линия 06"),
              List.of("Линия 07"),
              List.of("Линия 08"),
              List.of("Линия 09"),
              List.of("Линия 10"),
              List.of("◀", "▶"),
              List.of("Назад", "Отмена"));

      ManagementReply third = world.say("▶");
      assertThat(rows(third))
          .containsExactly(
              List.of("Линия 11"), List.of("Линия 12"), List.of("◀"), List.of("Назад", "Отмена"));

      assertThat(buttons(world.say("▶")))
          .as("no page after the last")
          .contains("Линия 11")
          .doesNotContain("Линия 01");
      assertThat(buttons(world.say("◀"))).contains("Линия 06");
    }

    @Test
    void aLineOnAnotherPageIsNotAcceptedFromThisOne() {
      lines(7);
      openConnectWizard();

      ManagementReply reply = world.say("Линия 07");

      assertThat(reply.text()).startsWith("Пожалуйста, выберите пункт меню.");
      assertThat(world.dialogs.load(world.specialist.id()).orElseThrow())
          .isInstanceOf(DialogState.ChoosingLine.class);
    }

    @Test
    void linesWithTheSameNameGetNumberedButtons() {
      world.platform.line(world.company, "Поддержка");
      world.platform.line(world.company, "Поддержка");

      assertThat(buttons(openConnectWizard())).contains("Поддержка", "Поддержка (2)");
    }

    @Test
    void choosingALineAsksForTheBotFatherToken() {
      world.platform.line(world.company, "Поддержка");
      openConnectWizard();

      ManagementReply reply = world.say("Поддержка");

      assertThat(reply.text())
          .startsWith("Линия «Поддержка». Отправьте токен Telegram-бота.")
          .contains("@BotFather");
      assertThat(rows(reply)).containsExactly(List.of("Назад", "Отмена"));
    }

    @Test
    void backFromTheTokenStepReturnsToTheSamePage() {
      lines(7);
      openConnectWizard();
      world.say("▶");
      world.say("Линия 06");

      ManagementReply reply = world.say("Назад");

      assertThat(reply.text()).endsWith("Страница 2 из 2.");
    }

    @Test
    void cancelAtTheTokenStepReturnsToTheTelegramMenu() {
      world.platform.line(world.company, "Поддержка");
      openConnectWizard();
      world.say("Поддержка");

      ManagementReply reply = world.say("Отмена");

      assertThat(reply.text()).startsWith("Действие отменено.");
      assertThat(buttons(reply)).contains("Подключить Telegram-бот");
    }

    @Test
    void answersATextThatIsNotATokenWithTheExpectedFormat() {
      world.platform.line(world.company, "Поддержка");
      openConnectWizard();
      world.say("Поддержка");

      ManagementReply reply = world.say("мой бот @support_bot");

      assertThat(reply.text()).startsWith("Это не похоже на токен бота.");
      assertThat(world.dialogs.load(world.specialist.id()).orElseThrow())
          .isInstanceOf(DialogState.AwaitingToken.class);
    }

    @Test
    void answersARevokedOrUnknownTokenAsRejectedByTelegram() {
      world.platform.line(world.company, "Поддержка");
      BotToken token = world.messenger.bot("Support", "support_bot");
      world.messenger.revoke(token);
      openConnectWizard();
      world.say("Поддержка");

      ManagementReply reply = world.say(token.reveal());

      assertThat(reply.text()).startsWith("Telegram не принял этот токен");
    }

    @Test
    void answersWhenTelegramDoesNotRespond() {
      world.platform.line(world.company, "Поддержка");
      BotToken token = world.messenger.bot("Support", "support_bot");
      openConnectWizard();
      world.say("Поддержка");
      world.messenger.unavailable(true);

      ManagementReply reply = world.say(token.reveal());

      assertThat(reply.text()).startsWith("Telegram сейчас не отвечает");
    }

    @Test
    void answersABotAlreadyConnectedToAnotherLine() {
      world.platform.line(world.company, "Поддержка");
      var existing = world.connectedLine("Продажи", "Sales", "sales_bot");
      openConnectWizard();
      world.say("Поддержка");

      ManagementReply reply = world.say(existing.token().reveal());

      assertThat(reply.text())
          .isEqualTo(
              "Бот @sales_bot уже подключен к линии «Продажи». "
                  + "Один Telegram-бот можно подключить только к одной линии.");
    }

    @Test
    void rejectsSixthBotOfACompany() {
      IntStream.rangeClosed(1, 5)
          .forEach(i -> world.connectedLine("Линия " + i, "Bot " + i, "bot" + i + "_bot"));
      world.platform.line(world.company, "Шестая");

      ManagementReply reply = openConnectWizard();

      assertThat(reply.text())
          .startsWith("Компания уже подключила 5 Telegram-ботов — это максимум.");
      assertThat(buttons(reply)).contains("Подключить Telegram-бот");
    }

    @Test
    void rejectsATokenWhenTheCompanyFilledUpMeanwhile() {
      IntStream.rangeClosed(1, 4)
          .forEach(i -> world.connectedLine("Линия " + i, "Bot " + i, "bot" + i + "_bot"));
      world.platform.line(world.company, "Поддержка");
      BotToken token = world.messenger.bot("Support", "support_bot");
      openConnectWizard();
      world.say("Поддержка");
      var colleague = world.platform.specialist(world.company, "Коллега");
      Line fifth = world.platform.line(world.company, "Пятая");
      BotToken fifthBot = world.messenger.bot("Bot 5", "bot5_bot");
      world.confirming.submit(
          world.connectLink(colleague, fifth, fifthBot),
          world.platform.apiAccount("api-5", "pw", world.company, fifth));

      assertThat(world.say(token.reveal()).text())
          .startsWith("Компания уже подключила 5 Telegram-ботов");
    }

    @Test
    void refusesWhenTheTariffOptionIsOff() {
      world.platform.line(world.company, "Поддержка");
      world.platform.switchExternalChannels(world.company, false);

      ManagementReply reply = openConnectWizard();

      assertThat(reply.text()).contains("тарифная опция «Подключение внешних каналов»");
    }

    @Test
    void refusesTheTokenWhenTheTariffOptionWentOffMeanwhile() {
      world.platform.line(world.company, "Поддержка");
      BotToken token = world.messenger.bot("Support", "support_bot");
      openConnectWizard();
      world.say("Поддержка");
      world.platform.switchExternalChannels(world.company, false);

      assertThat(world.say(token.reveal()).text())
          .contains("тарифная опция «Подключение внешних каналов»");
    }

    @Test
    void saysSoWhenNoLineCanGetABot() {
      world.platform.line(world.company, "Внутренняя", LineAvailability.SPECIALISTS_ONLY);

      ManagementReply reply = openConnectWizard();

      assertThat(reply.text()).startsWith("Нет линий, к которым можно подключить Telegram-бот.");
    }

    @Test
    void aValidTokenIssuesAOneTimeLinkBoundToCompanyLineAndBot() {
      Line line = world.platform.line(world.company, "Поддержка");
      BotToken token = world.messenger.bot("Support", "support_bot");
      openConnectWizard();
      world.say("Поддержка");

      ManagementReply reply = world.say("  " + token.reveal() + "\n");

      assertThat(reply.text())
          .startsWith("Чтобы подключить бот @support_bot («Support») к линии «Поддержка»")
          .contains("Ссылка действует 15 минут");
      String linkToken = linkToken(reply);
      assertThat(linkToken).hasSizeGreaterThanOrEqualTo(22);
      var stored = world.confirmations.find(ConfirmationToken.hashOf(linkToken)).orElseThrow();
      assertThat(stored.tokenHash()).isNotEqualTo(linkToken);
      assertThat(stored.company()).isEqualTo(world.company);
      assertThat(stored.expiresAt()).isEqualTo(world.clock.instant().plus(Duration.ofMinutes(15)));
      assertThat(stored.action())
          .isEqualTo(
              new PendingAction.Connect(
                  world.messenger.kind(), line, world.messenger.identify(token), token));
      assertThat(rows(reply)).containsExactly(List.of("Назад", "Отмена"));
    }

    @Test
    void cancelAfterTheLinkWithdrawsIt() {
      world.platform.line(world.company, "Поддержка");
      BotToken token = world.messenger.bot("Support", "support_bot");
      openConnectWizard();
      world.say("Поддержка");
      String linkToken = linkToken(world.say(token.reveal()));

      ManagementReply reply = world.say("Отмена");

      assertThat(reply.text()).startsWith("Действие отменено, ссылка больше не действует.");
      assertThat(
              world.confirmations.find(ConfirmationToken.hashOf(linkToken)).orElseThrow().isUsed())
          .isTrue();
    }

    /** A bot's token to send and the API account that may put it on the line. */
    private record ReadyToConnect(BotToken token, ApiAccount account) {}

    /** The connect wizard up to the bot's token, for line «Поддержка» and its API account. */
    private ReadyToConnect atTheTokenStep() {
      Line line = world.platform.line(world.company, "Поддержка");
      BotToken token = world.messenger.bot("Support", "support_bot");
      ApiAccount account = world.platform.apiAccount("api-support", "pw", world.company, line);
      openConnectWizard();
      world.say("Поддержка");
      return new ReadyToConnect(token, account);
    }

    @Test
    void aLinkConfirmedTheMomentItIsReadLeavesTheDialogInTheMenuItsAnnouncementPutItIn() {
      ReadyToConnect ready = atTheTokenStep();
      world.platform.onNextReply(
          link ->
              world.confirming.submit(linkToken(link), ready.account())); // before handle returns

      world.say(ready.token().reveal());

      assertThat(world.dialogs.load(world.specialist.id()))
          .as("the announcement's menu, not the link's state saved after it")
          .contains(new DialogState.ChannelMenu(world.messenger.kind()));
      assertThat(world.say("Telegram").text()).isEqualTo("Telegram: выберите действие.");
    }

    @Test
    void theLinkIsEnteredIntoTheChatAndTheWizardEndsWithConnected() {
      ReadyToConnect ready = atTheTokenStep();
      String linkToken = linkToken(world.say(ready.token().reveal()));

      world.confirming.submit(linkToken, ready.account());

      ManagementReply reply = world.platform.lastReply();
      assertThat(reply.text())
          .startsWith("Telegram-бот @support_bot подключен к линии «Поддержка».")
          .contains("«Telegram: Support»");
      assertThat(buttons(reply)).contains("Подключить Telegram-бот");
      assertThat(world.dialogs.load(world.specialist.id()))
          .contains(new DialogState.ChannelMenu(world.messenger.kind()));
    }
  }

  @Nested
  class DisconnectAndList {
    @Test
    void listsLinesWithBotClientAndState() {
      world.connectedLine("Поддержка", "Support", "support_bot");
      world.connectedLine("Продажи", "Sales", "sales_bot");
      world.say("Telegram");

      ManagementReply reply = world.say("Показать линии с Telegram-бот");

      assertThat(reply.text())
          .isEqualTo(
              """
          Линии с Telegram-ботами:
          1. Линия «Поддержка» — бот @support_bot («Support»), клиент «Telegram: Support», состояние: активно
          2. Линия «Продажи» — бот @sales_bot («Sales»), клиент «Telegram: Sales», состояние: активно""");
      assertThat(buttons(reply)).contains("Подключить Telegram-бот");
    }

    @Test
    void listShowsAFailingState() {
      var connection = world.connectedLine("Поддержка", "Support", "support_bot");
      world.connections.update(
          connection.withState(io.omnichannel.core.domain.ConnectionState.TOKEN_REVOKED));
      world.say("Telegram");

      assertThat(world.say("Показать линии с Telegram-бот").text())
          .endsWith("состояние: токен бота отозван");
    }

    @Test
    void listSaysSoWhenThereIsNoBot() {
      world.say("Telegram");

      assertThat(world.say("Показать линии с Telegram-бот").text())
          .isEqualTo("Нет линий с подключенными Telegram-ботами.");
    }

    @Test
    void disconnectOffersOnlyLinesWithABotAndSendsALink() {
      world.platform.line(world.company, "Без бота");
      world.connectedLine("Поддержка", "Support", "support_bot");
      world.say("Telegram");

      ManagementReply choice = world.say("Отключить Telegram-бот");
      assertThat(choice.text())
          .isEqualTo("Выберите линию, от которой нужно отключить Telegram-бот.");
      assertThat(rows(choice)).containsExactly(List.of("Поддержка"), List.of("Назад", "Отмена"));

      ManagementReply link = world.say("Поддержка");
      assertThat(link.text())
          .startsWith("Чтобы отключить бот @support_bot от линии «Поддержка»")
          .contains("учетную запись API, которая используется для этого бота");
      assertThat(
              world
                  .confirmations
                  .find(ConfirmationToken.hashOf(linkToken(link)))
                  .orElseThrow()
                  .action())
          .isInstanceOf(PendingAction.Disconnect.class);
    }

    @Test
    void disconnectWithoutBotsSaysSo() {
      world.say("Telegram");

      assertThat(world.say("Отключить Telegram-бот").text())
          .isEqualTo("Нет линий с подключенными Telegram-ботами.");
    }
  }
}
