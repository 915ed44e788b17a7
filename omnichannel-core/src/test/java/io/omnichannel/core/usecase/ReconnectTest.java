package io.omnichannel.core.usecase;

import static io.omnichannel.core.fakes.ChannelEvents.chat;
import static io.omnichannel.core.fakes.ChannelEvents.groupText;
import static io.omnichannel.core.fakes.ChannelEvents.membership;
import static io.omnichannel.core.fakes.ChannelEvents.privateText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.omnichannel.core.domain.ApiAccount;
import io.omnichannel.core.domain.BotToken;
import io.omnichannel.core.domain.ChannelAccount;
import io.omnichannel.core.domain.ChannelEvent;
import io.omnichannel.core.domain.ChannelEvent.Membership;
import io.omnichannel.core.domain.ChatKind;
import io.omnichannel.core.domain.CompanyId;
import io.omnichannel.core.domain.Connection;
import io.omnichannel.core.domain.DroppedMessage;
import io.omnichannel.core.domain.DroppedMessage.DropReason;
import io.omnichannel.core.domain.Keyboard;
import io.omnichannel.core.domain.Line;
import io.omnichannel.core.domain.LineEvent;
import io.omnichannel.core.domain.LinePost;
import io.omnichannel.core.domain.MessageContent;
import io.omnichannel.core.domain.OutboxMessage;
import io.omnichannel.core.domain.PlatformUserId;
import io.omnichannel.core.domain.Specialist;
import io.omnichannel.core.fakes.CoreFixture;
import io.omnichannel.core.fakes.FakePlatform.Delivery;
import io.omnichannel.core.port.in.AccountDirectory.AccountView;
import io.omnichannel.core.port.in.ConfirmationOutcome;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A bot disconnected and connected again — to the same line or another line of the company — keeps
 * its technical client and its users: no second 1C-Connect user per chat, and a ban stays (#11).
 */
class ReconnectTest {
  private final CoreFixture f = new CoreFixture();
  private final Line support = f.platform.line(f.company, "Поддержка");
  private final Line sales = f.platform.line(f.company, "Продажи");
  private final BotToken token = f.messenger.bot("Shop Bot", "shop_bot");
  private final ApiAccount account =
      f.platform.apiAccount("api-shop", "pw", f.company, support, sales);
  private int nextUpdate = 1;

  private void relay(Connection connection, ChannelEvent event) {
    f.relayToLine.relay(
        f.connections.find(connection.id()).orElseThrow(),
        event,
        "telegram:" + connection.bot().id() + ":" + nextUpdate++);
  }

  private Connection reconnect(Connection connection, Line to) {
    f.disconnect(connection, account);
    f.clock.advance(Duration.ofMinutes(1));
    return f.connect(to, token, account);
  }

  private List<String> deliveredTo(PlatformUserId user) {
    return f.platform.deliveries().stream()
        .filter(d -> d.user().equals(user))
        .map(Delivery::post)
        .map(post -> ((LinePost.Text) post).text())
        .toList();
  }

  private ChannelAccount onlyAccount(Connection connection) {
    List<ChannelAccount> accounts = f.accounts.of(connection.id());
    assertThat(accounts).hasSize(1);
    return accounts.get(0);
  }

  @Test
  void reconnectingKeepsTheTechnicalClient() {
    Connection first = f.connect(support, token, account);

    Connection second = reconnect(first, support);

    assertThat(second.technicalClient()).isEqualTo(first.technicalClient());
    assertThat(f.platform.clients()).hasSize(1);
  }

  @Test
  void aUserWritingAfterAReconnectToTheSameLineIsTheSameUser() {
    Connection first = f.connect(support, token, account);
    relay(first, privateText("42", "Иван", "до"));
    PlatformUserId ivan = onlyAccount(first).platformUser();

    Connection second = reconnect(first, support);
    relay(second, privateText("42", "Иван", "после"));

    assertThat(f.platform.users()).hasSize(1);
    ChannelAccount account = onlyAccount(second);
    assertThat(account.platformUser()).isEqualTo(ivan);
    assertThat(account.connection()).isEqualTo(second.id());
    assertThat(deliveredTo(ivan)).containsExactly("до", "после");
  }

  @Test
  void theSpecialistReachesAUserWhoHasNotWrittenSinceTheReconnect() {
    Connection first = f.connect(support, token, account);
    relay(first, privateText("42", "Иван", "до"));
    ChannelAccount ivan = onlyAccount(first);

    Connection second = reconnect(first, support);
    List<OutboxMessage> answers =
        f.relayToChannel.relay(
            f.connections.find(second.id()).orElseThrow(),
            new LineEvent.SpecialistMessage(
                support.id(),
                ivan.platformUser(),
                f.specialist.id(),
                new MessageContent.Text("ответ"),
                Keyboard.UNCHANGED),
            "oneconnect:answer-1");

    assertThat(answers)
        .singleElement()
        .satisfies(
            answer -> {
              assertThat(answer.connection()).isEqualTo(second.id());
              assertThat(answer.account()).isEqualTo(ivan.id());
            });
  }

  @Test
  void aBannedUserStaysBannedAfterAReconnectToTheSameLine() {
    Connection first = f.connect(support, token, account);
    relay(first, privateText("42", "Иван", "до бана"));
    PlatformUserId ivan = onlyAccount(first).platformUser();
    f.platform.ban(ivan, support.id());

    Connection second = reconnect(first, support);
    relay(second, privateText("42", "Иван", "после переподключения"));

    assertThat(f.platform.users()).hasSize(1);
    assertThat(deliveredTo(ivan)).containsExactly("до бана");
    assertThat(f.logs.dropped())
        .extracting(DroppedMessage::reason, DroppedMessage::connection)
        .containsExactly(tuple(DropReason.BANNED, second.id()));
  }

  @Test
  void onAnotherLineTheSameUserGetsThatLineAndABanCarriesOver() {
    Connection first = f.connect(support, token, account);
    relay(first, privateText("42", "Иван", "иван до"));
    relay(first, privateText("43", "Мария", "мария до"));
    PlatformUserId ivan =
        f.accounts.findOpen(first.id(), chat("42"), Optional.empty()).orElseThrow().platformUser();
    PlatformUserId maria =
        f.accounts.findOpen(first.id(), chat("43"), Optional.empty()).orElseThrow().platformUser();
    f.platform.ban(ivan, support.id());

    Connection second = reconnect(first, sales);
    relay(second, privateText("42", "Иван", "иван после"));
    relay(second, privateText("43", "Мария", "мария после"));

    assertThat(f.platform.users()).hasSize(2);
    assertThat(f.platform.lineOf(maria, sales.id())).contains(true);
    assertThat(f.platform.lineOf(ivan, sales.id())).contains(false);
    assertThat(deliveredTo(maria)).containsExactly("мария до", "мария после");
    assertThat(deliveredTo(ivan)).containsExactly("иван до");
    assertThat(
            f.platform.deliveries().stream()
                .filter(d -> d.user().equals(maria))
                .map(d -> d.line().line()))
        .containsExactly(support.id(), sales.id());
  }

  @Test
  void theListOfTheNewConnectionShowsTheUsersItKeptWithTheirBans() {
    Connection first = f.connect(support, token, account);
    relay(first, privateText("42", "Иван", "привет"));
    PlatformUserId ivan = onlyAccount(first).platformUser();
    f.platform.ban(ivan, support.id());

    Connection second = reconnect(first, sales);

    List<AccountView> listed =
        new ListingAccounts(f.connections, f.accounts, f.platform).accountsOf(second.id());
    assertThat(listed).singleElement().satisfies(view -> assertThat(view.banned()).isTrue());
  }

  @Test
  void aGroupTheBotLeftBeforeTheReconnectStartsANewUserAndEpoch() {
    Connection first = f.connect(support, token, account);
    relay(first, groupText("-100", "Команда", "Иван", "первая эпоха"));
    relay(first, membership("-100", ChatKind.GROUP, Membership.LEFT));

    Connection second = reconnect(first, support);
    relay(second, groupText("-100", "Команда", "Иван", "вторая эпоха"));

    assertThat(f.platform.users()).hasSize(2);
    assertThat(
            f.accounts.findOpen(second.id(), chat("-100"), Optional.empty()).orElseThrow().epoch())
        .isEqualTo(2);
  }

  @Test
  void anotherCompanyConnectingTheSameBotLaterGetsUsersOfItsOwn() {
    Connection first = f.connect(support, token, account);
    relay(first, privateText("42", "Иван", "первой компании"));
    f.disconnect(first, account);
    CompanyId other = new CompanyId("c-2");
    Specialist boss = f.platform.specialist(other, "Пётр");
    Line theirs = f.platform.line(other, "Их линия");
    ApiAccount theirAccount = f.platform.apiAccount("api-theirs", "pw", other, theirs);
    f.clock.advance(Duration.ofMinutes(1));
    Connection second =
        ((ConfirmationOutcome.Connected)
                f.confirming.submit(f.connectLink(boss, theirs, token), theirAccount))
            .connection();

    relay(second, privateText("42", "Иван", "второй компании"));

    assertThat(f.platform.users()).hasSize(2);
    assertThat(second.technicalClient()).isNotEqualTo(first.technicalClient());
  }
}
