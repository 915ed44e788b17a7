package io.omnichannel.core.usecase;

import static io.omnichannel.core.fakes.ChannelEvents.photo;
import static io.omnichannel.core.fakes.ChannelEvents.privateMessage;
import static io.omnichannel.core.fakes.ChannelEvents.privateText;
import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.core.domain.ApiAccount;
import io.omnichannel.core.domain.BotToken;
import io.omnichannel.core.domain.ChannelKind;
import io.omnichannel.core.domain.ChannelLimits;
import io.omnichannel.core.domain.ChatId;
import io.omnichannel.core.domain.Confirmation;
import io.omnichannel.core.domain.ConfirmationToken;
import io.omnichannel.core.domain.Connection;
import io.omnichannel.core.domain.DialogState;
import io.omnichannel.core.domain.FileRef;
import io.omnichannel.core.domain.Keyboard;
import io.omnichannel.core.domain.Line;
import io.omnichannel.core.domain.LinePost;
import io.omnichannel.core.domain.OutboundPost;
import io.omnichannel.core.domain.OutboxMessage;
import io.omnichannel.core.domain.PendingAction;
import io.omnichannel.core.domain.WizardPurpose;
import io.omnichannel.core.fakes.CoreFixture;
import io.omnichannel.core.fakes.FakePlatform.Delivery;
import io.omnichannel.core.fakes.FakePlatform.ManagementReply;
import io.omnichannel.core.port.in.ConfirmationOutcome;
import io.omnichannel.core.port.in.ConfirmationOutcome.Refusal;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * A deployment of two messengers: the Telegram-like one and "Pigeon", whose tokens are opaque and
 * whose limits are narrower. The core names neither; each describes itself.
 */
class TwoMessengersTest {
  private static final Pattern LINK =
      Pattern.compile("https://gateway\\.example/confirm/([A-Za-z0-9_-]+)");
  private static final long MIB = ChannelLimits.MEBIBYTE;

  private final CoreFixture world = new CoreFixture();
  private final ChannelKind pigeon = world.pigeon.kind();

  private static List<String> buttons(ManagementReply reply) {
    return ((Keyboard.ShowMenu) reply.keyboard()).menu().buttonTexts();
  }

  private static String linkToken(ManagementReply reply) {
    Matcher matcher = LINK.matcher(reply.text());
    assertThat(matcher.find()).as("a confirmation link in: %s", reply.text()).isTrue();
    return matcher.group(1);
  }

  @Nested
  class RootMenu {
    @Test
    void listsEveryMessengerInTheConfiguredOrder() {
      ManagementReply reply = world.sayWithTwoChannels("Здравствуйте");

      assertThat(reply.text()).contains("Выберите канал");
      assertThat(buttons(reply)).containsExactly("Telegram", "Pigeon");
    }

    @Test
    void eachMessengersSubmenuConnectsDisconnectsAndListsItsOwnBots() {
      ManagementReply reply = world.sayWithTwoChannels("Pigeon");

      assertThat(reply.text()).isEqualTo("Pigeon: выберите действие.");
      assertThat(buttons(reply))
          .containsExactly(
              "Подключить Pigeon-бот",
              "Отключить Pigeon-бот",
              "Показать линии с Pigeon-бот",
              "Назад");
      assertThat(world.dialogs.load(world.specialist.id()))
          .contains(new DialogState.ChannelMenu(pigeon));
    }

    @Test
    void backFromAMessengersMenuReturnsToTheRoot() {
      world.sayWithTwoChannels("Pigeon");

      ManagementReply reply = world.sayWithTwoChannels("Назад");

      assertThat(buttons(reply)).containsExactly("Telegram", "Pigeon");
      assertThat(world.dialogs.load(world.specialist.id())).contains(DialogState.START);
    }

    @Test
    void theListShowsOnlyTheChosenMessengersBots() {
      world.connectedLine("Продажи", "Sales", "sales_bot");
      world.connectedLine(world.pigeon, "Поддержка", "Help", "help_bot");
      world.sayWithTwoChannels("Pigeon");

      ManagementReply reply = world.sayWithTwoChannels("Показать линии с Pigeon-бот");

      assertThat(reply.text())
          .startsWith("Линии с Pigeon-ботами:")
          .contains("@help_bot", "клиент «Pigeon: Help»")
          .doesNotContain("@sales_bot");
    }
  }

  @Nested
  class ConnectWizard {
    @Test
    void asksForTheMessengersTokenWithItsOwnHintAndRemembersTheMessenger() {
      world.platform.line(world.company, "Поддержка");
      world.sayWithTwoChannels("Pigeon");
      world.sayWithTwoChannels("Подключить Pigeon-бот");

      ManagementReply reply = world.sayWithTwoChannels("Поддержка");

      assertThat(reply.text())
          .startsWith("Линия «Поддержка». Отправьте токен Pigeon-бота.")
          .contains("кабинете Pigeon для партнеров")
          .doesNotContain("BotFather");
      assertThat(world.dialogs.load(world.specialist.id()).orElseThrow())
          .isInstanceOfSatisfying(
              DialogState.AwaitingToken.class,
              awaiting -> assertThat(awaiting.channel()).isEqualTo(pigeon));
    }

    @Test
    void anOpaqueTokenIsIdentifiedByItsMessengerAndTheLinkConnectsABotOfThatMessenger() {
      Line line = world.platform.line(world.company, "Поддержка");
      BotToken token = world.pigeon.bot("Pigeon Help", "pigeon_help_bot");
      world.sayWithTwoChannels("Pigeon");
      world.sayWithTwoChannels("Подключить Pigeon-бот");
      world.sayWithTwoChannels("Поддержка");

      ManagementReply reply = world.sayWithTwoChannels(token.reveal());

      String link = linkToken(reply);
      Confirmation pending =
          world.confirmations.find(ConfirmationToken.presented(link).hash()).orElseThrow();
      assertThat(pending.action())
          .isEqualTo(new PendingAction.Connect(pigeon, line, world.pigeon.identify(token), token));
      assertThat(world.dialogs.load(world.specialist.id()))
          .contains(new DialogState.LinkSent(pigeon, WizardPurpose.CONNECT));

      ApiAccount account = world.platform.apiAccount("api-p", "secret-p", world.company, line);
      ConfirmationOutcome outcome = world.confirming.submit(link, account);

      assertThat(outcome)
          .isInstanceOfSatisfying(
              ConfirmationOutcome.Connected.class,
              connected -> {
                assertThat(connected.connection().channel()).isEqualTo(pigeon);
                assertThat(connected.connection().technicalClient().name())
                    .isEqualTo("Pigeon: Pigeon Help");
              });
      Connection connection = ((ConfirmationOutcome.Connected) outcome).connection();
      assertThat(world.pigeon.isReceiving(connection.id())).isTrue();
      assertThat(world.messenger.isReceiving(connection.id())).isFalse();
      assertThat(world.platform.lastReply().text()).startsWith("Pigeon-бот @pigeon_help_bot");
      assertThat(world.dialogs.load(world.specialist.id()))
          .contains(new DialogState.ChannelMenu(pigeon));
    }

    @Test
    void aTokenOfTheOtherMessengersShapeIsNotAPigeonToken() {
      world.platform.line(world.company, "Поддержка");
      world.sayWithTwoChannels("Pigeon");
      world.sayWithTwoChannels("Подключить Pigeon-бот");
      world.sayWithTwoChannels("Поддержка");

      ManagementReply reply = world.sayWithTwoChannels("короткий");

      assertThat(reply.text()).startsWith("Это не похоже на токен бота.");
      assertThat(reply.text()).doesNotContain("двоеточие");
    }
  }

  @Nested
  class RulesPerMessenger {
    @Test
    void fiveBotsOfOneMessengerLeaveRoomForBotsOfTheOther() {
      IntStream.rangeClosed(1, 5)
          .forEach(i -> world.connectedLine("Линия " + i, "Bot " + i, "bot" + i + "_bot"));
      world.platform.line(world.company, "Шестая");

      world.sayWithTwoChannels("Telegram");
      ManagementReply telegram = world.sayWithTwoChannels("Подключить Telegram-бот");
      world.sayWithTwoChannels("Назад");
      world.sayWithTwoChannels("Pigeon");
      ManagementReply pigeonReply = world.sayWithTwoChannels("Подключить Pigeon-бот");

      assertThat(telegram.text()).startsWith("Компания уже подключила 5 Telegram-ботов");
      assertThat(buttons(pigeonReply)).contains("Шестая");
      Connection sixth = world.connectedLine(world.pigeon, "Седьмая", "P", "p_bot");
      assertThat(sixth.channel()).isEqualTo(pigeon);
    }

    @Test
    void theSixthBotOfOneMessengerIsRefusedAtConfirmationToo() {
      IntStream.rangeClosed(1, 5)
          .forEach(
              i -> world.connectedLine(world.pigeon, "Линия " + i, "Bot " + i, "p" + i + "_bot"));
      Line line = world.platform.line(world.company, "Шестая");
      BotToken token = world.pigeon.bot("Sixth", "p6_bot");
      String link = world.connectLink(world.specialist, world.pigeon, line, token);

      ConfirmationOutcome outcome =
          world.confirming.submit(
              link, world.platform.apiAccount("api-6", "secret-6", world.company, line));

      assertThat(outcome).isEqualTo(new ConfirmationOutcome.Refused(Refusal.COMPANY_FULL));
    }

    @Test
    void aLineWithABotOfEitherMessengerIsOfferedToNeither() {
      world.connectedLine("Продажи", "Sales", "sales_bot");
      world.platform.line(world.company, "Поддержка");
      world.sayWithTwoChannels("Pigeon");

      ManagementReply reply = world.sayWithTwoChannels("Подключить Pigeon-бот");

      assertThat(buttons(reply)).contains("Поддержка").doesNotContain("Продажи");
    }

    @Test
    void twoMessengersMayHaveBotsOfTheSameIdEachOnItsOwnLine() {
      Connection telegram = world.connectedLine("Продажи", "Sales", "sales_bot");
      Connection fromPigeon = world.connectedLine(world.pigeon, "Поддержка", "Help", "help_bot");

      assertThat(fromPigeon.bot().id()).isEqualTo(telegram.bot().id());
      assertThat(world.connections.findActiveByBot(pigeon, fromPigeon.bot().id()))
          .contains(fromPigeon);
      assertThat(world.connections.findActiveByBot(telegram.channel(), telegram.bot().id()))
          .contains(telegram);
    }
  }

  @Nested
  class LimitsAndRouting {
    @Test
    void aMessengersOwnLimitNarrowsOneCConnectsForItsUsersOnly() {
      Connection telegram = world.connectedLine("Продажи", "Sales", "sales_bot");
      Connection fromPigeon = world.connectedLine(world.pigeon, "Поддержка", "Help", "help_bot");
      long size = 4 * MIB + MIB / 2; // over Pigeon's 4 MiB, within 1C-Connect's 5 MiB
      world.messenger.file(new FileRef("t-photo"), size);
      world.pigeon.file(new FileRef("p-photo"), size);

      world.relayToLine.relay(
          telegram, privateMessage("501", "Иван", photo("t-photo", size, null)), "t:1");
      List<OutboxMessage> notices =
          world.relayToLine.relay(
              fromPigeon, privateMessage("601", "Пётр", photo("p-photo", size, null)), "p:1");

      List<LinePost> posts = world.platform.deliveries().stream().map(Delivery::post).toList();
      assertThat(posts.get(0)).isInstanceOf(LinePost.File.class);
      assertThat(posts.get(1))
          .isInstanceOfSatisfying(
              LinePost.Text.class, text -> assertThat(text.text()).contains("больше 4 МБ"));
      assertThat(notices)
          .singleElement()
          .satisfies(
              notice ->
                  assertThat(((OutboundPost.Text) notice.post()).text())
                      .endsWith("Изображения принимаются до 4 МБ, файлы — до 8 МБ."));
      assertThat(world.pigeon.wasOpened(new FileRef("p-photo"))).isFalse();
    }

    @Test
    void eachConnectionsMessagesGoThroughItsOwnMessenger() {
      Connection telegram = world.connectedLine("Продажи", "Sales", "sales_bot");
      Connection fromPigeon = world.connectedLine(world.pigeon, "Поддержка", "Help", "help_bot");
      List<OutboxMessage> toPigeon =
          world.relayToLine.relay(fromPigeon, privateText("601", "Пётр", "Привет"), "p:1");
      world.relayToLine.relay(telegram, privateText("501", "Иван", "Привет"), "t:1");
      assertThat(toPigeon).isEmpty();
      var account =
          world
              .accounts
              .findOpen(fromPigeon.id(), new ChatId("601"), Optional.empty())
              .orElseThrow();

      world.delivering.deliver(
          new OutboxMessage(
              fromPigeon.id(),
              account.chat(),
              account.id(),
              new OutboundPost.Text("Здравствуйте!", Keyboard.UNCHANGED),
              "platform:1"));

      assertThat(world.pigeon.sent())
          .singleElement()
          .satisfies(s -> assertThat(s.bot()).isEqualTo(fromPigeon.bot().id()));
      assertThat(world.messenger.sent()).isEmpty();
    }
  }
}
