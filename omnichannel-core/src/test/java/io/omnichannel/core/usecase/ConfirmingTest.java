package io.omnichannel.core.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.core.domain.ApiAccount;
import io.omnichannel.core.domain.AuditEntry.AuditAction;
import io.omnichannel.core.domain.BotToken;
import io.omnichannel.core.domain.Confirmation;
import io.omnichannel.core.domain.ConfirmationToken;
import io.omnichannel.core.domain.Connection;
import io.omnichannel.core.domain.ConnectionState;
import io.omnichannel.core.domain.Line;
import io.omnichannel.core.domain.PendingAction;
import io.omnichannel.core.domain.Secret;
import io.omnichannel.core.domain.WizardPurpose;
import io.omnichannel.core.domain.failure.ChannelUnavailable;
import io.omnichannel.core.domain.failure.InvalidBotToken;
import io.omnichannel.core.fakes.CoreFixture;
import io.omnichannel.core.port.in.ConfirmationOutcome;
import io.omnichannel.core.port.in.ConfirmationOutcome.Refusal;
import io.omnichannel.core.port.in.ConfirmationView;
import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The confirmation page's form: API account checks, then connect (F2, F3, F13) or disconnect (F4).
 */
class ConfirmingTest {
  private final CoreFixture world = new CoreFixture();
  private final Line line = world.platform.line(world.company, "Поддержка");
  private final BotToken token = world.messenger.bot("Support", "support_bot");
  private final ApiAccount account =
      world.platform.apiAccount("api-support", "s3cret", world.company, line);

  private String disconnectLink(Connection connection) {
    ConfirmationToken link = ConfirmationToken.generate(world.random);
    world.confirmations.save(
        Confirmation.issue(
            link,
            world.company,
            world.specialist.id(),
            new PendingAction.Disconnect(
                connection.channel(), connection.id(), connection.line(), connection.bot()),
            world.clock.instant()));
    return link.reveal();
  }

  private static Refusal refusal(ConfirmationOutcome outcome) {
    assertThat(outcome).isInstanceOf(ConfirmationOutcome.Refused.class);
    return ((ConfirmationOutcome.Refused) outcome).reason();
  }

  @Nested
  class TheLink {
    @Test
    void viewShowsWhatTheLinkWillDoWithoutUsingItUp() {
      String link = world.connectLink(line, token);

      ConfirmationView view = world.confirming.view(link);

      assertThat(view)
          .isEqualTo(
              new ConfirmationView.Pending(
                  world.messenger.kind(),
                  WizardPurpose.CONNECT,
                  line,
                  world.messenger.identify(token),
                  world.clock.instant().plus(Duration.ofMinutes(15))));
      assertThat(world.confirming.view(link)).isInstanceOf(ConfirmationView.Pending.class);
    }

    @Test
    void worksOnceOnly() {
      String link = world.connectLink(line, token);
      assertThat(world.confirming.submit(link, account))
          .isInstanceOf(ConfirmationOutcome.Connected.class);

      assertThat(refusal(world.confirming.submit(link, account))).isEqualTo(Refusal.ALREADY_USED);
      assertThat(world.confirming.view(link)).isInstanceOf(ConfirmationView.Used.class);
    }

    @Test
    void expiresAfterFifteenMinutes() {
      String link = world.connectLink(line, token);
      world.clock.advance(Duration.ofMinutes(15));

      assertThat(world.confirming.view(link)).isInstanceOf(ConfirmationView.Expired.class);
      assertThat(refusal(world.confirming.submit(link, account))).isEqualTo(Refusal.EXPIRED);
      assertThat(world.connections.all()).isEmpty();
    }

    @Test
    void isStillValidASecondBeforeExpiry() {
      String link = world.connectLink(line, token);
      world.clock.advance(Duration.ofMinutes(15).minusSeconds(1));

      assertThat(world.confirming.submit(link, account))
          .isInstanceOf(ConfirmationOutcome.Connected.class);
    }

    @Test
    void anUnknownOrTamperedLinkIsRefused() {
      String link = world.connectLink(line, token);

      assertThat(world.confirming.view(link + "x")).isInstanceOf(ConfirmationView.Unknown.class);
      assertThat(refusal(world.confirming.submit("", account))).isEqualTo(Refusal.UNKNOWN_LINK);
    }

    @Test
    void isBoundToItsCompanyAnAccountOfAnotherCompanyIsRefused() {
      var otherCompany = new io.omnichannel.core.domain.CompanyId("company-2");
      Line foreignLine = world.platform.line(otherCompany, "Чужая");
      ApiAccount foreign =
          world.platform.apiAccount("api-foreign", "pw", otherCompany, foreignLine);

      assertThat(refusal(world.confirming.submit(world.connectLink(line, token), foreign)))
          .isEqualTo(Refusal.WRONG_CREDENTIALS);
    }
  }

  /** Issue 11, item 3: the form is no password oracle. */
  @Nested
  class NoOracle {
    private final ApiAccount wrong = new ApiAccount("api-support", Secret.of("guess"));

    private ApiAccount foreignAccount() {
      var otherCompany = new io.omnichannel.core.domain.CompanyId("company-2");
      Line foreignLine = world.platform.line(otherCompany, "Чужая");
      return world.platform.apiAccount("api-foreign", "pw", otherCompany, foreignLine);
    }

    @Test
    void anotherCompanysAccountGetsTheSameAnswerAsAWrongPasswordButTheAuditKeepsWhich() {
      String link = world.connectLink(line, token);

      ConfirmationOutcome foreign = world.confirming.submit(link, foreignAccount());
      ConfirmationOutcome guessed = world.confirming.submit(link, wrong);

      assertThat(foreign).isEqualTo(guessed);
      assertThat(refusal(foreign)).isEqualTo(Refusal.WRONG_CREDENTIALS);
      assertThat(world.logs.audit())
          .extracting(e -> e.details())
          .anySatisfy(d -> assertThat(d).startsWith("FOREIGN_COMPANY"))
          .anySatisfy(d -> assertThat(d).startsWith("WRONG_CREDENTIALS"));
    }

    @Test
    void fiveFailedAttemptsBurnTheLinkEvenForTheRightAccountWithoutAskingOneConnect() {
      String link = world.connectLink(line, token);
      for (int i = 1; i < Confirmation.MAX_FAILED_ATTEMPTS; i++) {
        assertThat(refusal(world.confirming.submit(link, i % 2 == 0 ? wrong : foreignAccount())))
            .isEqualTo(Refusal.WRONG_CREDENTIALS);
      }
      assertThat(world.confirming.view(link)).isInstanceOf(ConfirmationView.Pending.class);

      assertThat(refusal(world.confirming.submit(link, wrong)))
          .isEqualTo(Refusal.TOO_MANY_ATTEMPTS);
      int asked = world.platform.verifications();
      assertThat(asked).isEqualTo(5);

      assertThat(refusal(world.confirming.submit(link, account))).isEqualTo(Refusal.ALREADY_USED);
      assertThat(world.platform.verifications()).as("1C-Connect not asked again").isEqualTo(asked);
      assertThat(world.connections.findActiveByLine(line.id())).isEmpty();
      assertThat(world.confirming.view(link)).isNotInstanceOf(ConfirmationView.Pending.class);
    }

    @Test
    void theSpecialistIsToldInTheManagementChatOnceWhenTheLinkBurns() {
      String link = world.connectLink(line, token);
      int before = world.platform.replies().size();
      for (int i = 0; i < Confirmation.MAX_FAILED_ATTEMPTS + 3; i++) {
        world.confirming.submit(link, wrong);
      }

      assertThat(world.platform.replies().subList(before, world.platform.replies().size()))
          .singleElement()
          .satisfies(
              reply -> {
                assertThat(reply.specialist()).isEqualTo(world.specialist.id());
                assertThat(reply.text())
                    .startsWith("Ссылка для линии «Поддержка» больше не действует")
                    .contains("5 раз");
              });
      assertThat(world.logs.audit())
          .extracting(e -> e.details())
          .anySatisfy(d -> assertThat(d).startsWith("TOO_MANY_ATTEMPTS"));
    }

    @Test
    void aRightAccountOrNoAnswerFromOneConnectUsesNoAttempt() {
      String link = world.connectLink(line, token);
      for (int i = 1; i < Confirmation.MAX_FAILED_ATTEMPTS; i++) {
        world.confirming.submit(link, wrong);
      }
      world.platform.unavailable(true);
      assertThat(refusal(world.confirming.submit(link, account)))
          .isEqualTo(Refusal.TEMPORARILY_UNAVAILABLE);
      world.platform.unavailable(false);

      assertThat(world.confirming.submit(link, account))
          .isInstanceOf(ConfirmationOutcome.Connected.class);
    }
  }

  @Nested
  class Connect {
    @Test
    void registersTheTechnicalClientStoresTheConnectionAndStartsRelaying() {
      ConfirmationOutcome outcome =
          world.confirming.submit(world.connectLink(line, token), account);

      Connection connection = ((ConfirmationOutcome.Connected) outcome).connection();
      assertThat(world.platform.clients())
          .singleElement()
          .satisfies(c -> assertThat(c.name()).isEqualTo("Telegram: Support"));
      assertThat(connection.technicalClient().name()).isEqualTo("Telegram: Support");
      assertThat(connection.state()).isEqualTo(ConnectionState.ACTIVE);
      assertThat(connection.token()).isEqualTo(token);
      assertThat(connection.apiAccount().login()).isEqualTo("api-support");
      assertThat(world.connections.findActiveByLine(line.id())).contains(connection);
      assertThat(world.messenger.isReceiving(connection.id())).isTrue();
      assertThat(world.platform.isSubscribed(connection)).isTrue();
      assertThat(world.logs.audit()).extracting(e -> e.action()).contains(AuditAction.CONNECTED);
    }

    @Test
    void storesOnlyTheHashOfTheWebhookSecretItRegistered() {
      Connection connection =
          ((ConfirmationOutcome.Connected)
                  world.confirming.submit(world.connectLink(line, token), account))
              .connection();

      Secret registered = world.messenger.webhookSecret(connection.id());
      assertThat(connection.webhookSecretHash())
          .isEqualTo(ConfirmationToken.hashOf(registered.reveal()))
          .isNotEqualTo(registered.reveal());
    }

    @Test
    void wrongPasswordIsRefusedAndTheLinkStaysUsable() {
      String link = world.connectLink(line, token);
      ApiAccount wrong = new ApiAccount("api-support", Secret.of("guess"));

      assertThat(refusal(world.confirming.submit(link, wrong)))
          .isEqualTo(Refusal.WRONG_CREDENTIALS);
      assertThat(world.confirming.submit(link, account))
          .isInstanceOf(ConfirmationOutcome.Connected.class);
    }

    @Test
    void anAccountThatCannotActOnTheLineIsRefused() {
      Line other = world.platform.line(world.company, "Другая");
      ApiAccount limited = world.platform.apiAccount("api-limited", "pw", world.company, other);

      assertThat(refusal(world.confirming.submit(world.connectLink(line, token), limited)))
          .isEqualTo(Refusal.LINE_NOT_ALLOWED);
    }

    @Test
    void rejectsSixthBotOfACompanyEvenWithAValidLink() {
      String link = world.connectLink(line, token);
      IntStream.rangeClosed(1, 5)
          .forEach(i -> world.connectedLine("Линия " + i, "Bot " + i, "bot" + i + "_bot"));

      assertThat(refusal(world.confirming.submit(link, account))).isEqualTo(Refusal.COMPANY_FULL);
    }

    @Test
    void oneBotPerLineAndOneLinePerBot() {
      String sameLine = world.connectLink(line, world.messenger.bot("Other", "other_bot"));
      Line secondLine = world.platform.line(world.company, "Вторая");
      String sameBot = world.connectLink(secondLine, token);
      world.connect(line, token, account);

      assertThat(refusal(world.confirming.submit(sameLine, account))).isEqualTo(Refusal.LINE_TAKEN);
      ApiAccount second = world.platform.apiAccount("api-second", "pw", world.company, secondLine);
      assertThat(refusal(world.confirming.submit(sameBot, second))).isEqualTo(Refusal.BOT_TAKEN);
    }

    @Test
    void refusesWhenTheTariffOptionIsOff() {
      String link = world.connectLink(line, token);
      world.platform.switchExternalChannels(world.company, false);

      assertThat(refusal(world.confirming.submit(link, account)))
          .isEqualTo(Refusal.TARIFF_OPTION_OFF);
    }

    @Test
    void warnsWhenTheApiAccountIsAlreadyUsedByAnotherBot() {
      Line second = world.platform.line(world.company, "Продажи");
      ApiAccount shared =
          world.platform.apiAccount("api-shared", "pw", world.company, line, second);
      world.connect(line, token, shared);

      ConfirmationOutcome outcome =
          world.confirming.submit(
              world.connectLink(second, world.messenger.bot("Sales", "sales_bot")), shared);

      assertThat(((ConfirmationOutcome.Connected) outcome).sharingApiAccount())
          .extracting(c -> c.bot().username())
          .containsExactly("support_bot");
      assertThat(world.platform.lastReply().text())
          .contains("эта учетная запись API уже используется ботом @support_bot");
    }

    @Test
    void aTokenRevokedBeforeReceivingStartsLeavesTheConnectionMarked() {
      world.messenger.failNextStartReceiving(new InvalidBotToken("Unauthorized"));

      ConfirmationOutcome.Connected outcome =
          (ConfirmationOutcome.Connected)
              world.confirming.submit(world.connectLink(line, token), account);

      assertThat(outcome.receiving()).isFalse();
      assertThat(world.connections.find(outcome.connection().id()).orElseThrow().state())
          .isEqualTo(ConnectionState.TOKEN_REVOKED);
    }

    @Test
    void aPlatformOutageIsATemporaryRefusalThatUsesNothingUp() {
      String link = world.connectLink(line, token);
      world.platform.unavailable(true);

      assertThat(refusal(world.confirming.submit(link, account)))
          .isEqualTo(Refusal.TEMPORARILY_UNAVAILABLE);

      world.platform.unavailable(false);
      assertThat(world.confirming.submit(link, account))
          .isInstanceOf(ConfirmationOutcome.Connected.class);
    }

    @Test
    void aMessengerOutageAtStartMarksTheWebhookFailing() {
      world.messenger.failNextStartReceiving(new ChannelUnavailable("down"));

      ConfirmationOutcome.Connected outcome =
          (ConfirmationOutcome.Connected)
              world.confirming.submit(world.connectLink(line, token), account);

      assertThat(outcome.connection().state()).isEqualTo(ConnectionState.WEBHOOK_FAILING);
      assertThat(world.platform.lastReply().text())
          .contains("Не удалось начать получение сообщений");
    }
  }

  @Nested
  class Disconnect {
    @Test
    void stopsRelayingKeepsHistoryAndTellsTheChat() {
      Connection connection = world.connect(line, token, account);

      ConfirmationOutcome outcome = world.confirming.submit(disconnectLink(connection), account);

      assertThat(outcome).isInstanceOf(ConfirmationOutcome.Disconnected.class);
      Connection stored = world.connections.find(connection.id()).orElseThrow();
      assertThat(stored.state()).isEqualTo(ConnectionState.DISCONNECTED);
      assertThat(stored.disconnectedAt()).contains(world.clock.instant());
      assertThat(world.messenger.isReceiving(connection.id())).isFalse();
      assertThat(world.platform.isSubscribed(connection)).isFalse();
      assertThat(world.platform.lastReply().text())
          .isEqualTo(
              "Telegram-бот @support_bot отключен от линии «Поддержка». История переписки сохранена.");
      assertThat(world.connections.findActiveByLine(line.id())).isEmpty();
    }

    @Test
    void requiresTheApiAccountTheBotWasConnectedWith() {
      Connection connection = world.connect(line, token, account);
      ApiAccount colleague = world.platform.apiAccount("api-other", "pw", world.company, line);
      String link = disconnectLink(connection);

      assertThat(refusal(world.confirming.submit(link, colleague)))
          .isEqualTo(Refusal.NOT_THE_CONNECTING_ACCOUNT);
      assertThat(world.connections.find(connection.id()).orElseThrow().isActive()).isTrue();
      assertThat(world.confirming.submit(link, account))
          .isInstanceOf(ConfirmationOutcome.Disconnected.class);
    }

    @Test
    void disconnectsEvenWhenTheMessengerDoesNotAnswer() {
      Connection connection = world.connect(line, token, account);
      world.messenger.unavailable(true);

      assertThat(world.confirming.submit(disconnectLink(connection), account))
          .isInstanceOf(ConfirmationOutcome.Disconnected.class);
    }

    @Test
    void theFreedSlotCanBeUsedAgain() {
      Connection connection = world.connect(line, token, account);
      world.confirming.submit(disconnectLink(connection), account);

      assertThat(world.confirming.submit(world.connectLink(line, token), account))
          .isInstanceOf(ConfirmationOutcome.Connected.class);
    }

    @Test
    void anAlreadyDisconnectedBotIsRefused() {
      Connection connection = world.connect(line, token, account);
      String first = disconnectLink(connection);
      String second = disconnectLink(connection);
      world.confirming.submit(first, account);

      assertThat(refusal(world.confirming.submit(second, account)))
          .isEqualTo(Refusal.NOT_CONNECTED);
    }
  }
}
