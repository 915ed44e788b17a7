package io.omnichannel.core.usecase;

import static io.omnichannel.core.fakes.ChannelEvents.chat;
import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.core.domain.AccountId;
import io.omnichannel.core.domain.Attachment;
import io.omnichannel.core.domain.ChannelAccount;
import io.omnichannel.core.domain.ChannelEvent;
import io.omnichannel.core.domain.ChatKind;
import io.omnichannel.core.domain.Connection;
import io.omnichannel.core.domain.ConnectionState;
import io.omnichannel.core.domain.Direction;
import io.omnichannel.core.domain.DroppedMessage;
import io.omnichannel.core.domain.DroppedMessage.DropReason;
import io.omnichannel.core.domain.FileRef;
import io.omnichannel.core.domain.Keyboard;
import io.omnichannel.core.domain.LimitCheck.FileKind;
import io.omnichannel.core.domain.LineEvent;
import io.omnichannel.core.domain.LinePost;
import io.omnichannel.core.domain.LinkButton;
import io.omnichannel.core.domain.Menu;
import io.omnichannel.core.domain.MessageContent;
import io.omnichannel.core.domain.OutboundPost;
import io.omnichannel.core.domain.OutboxMessage;
import io.omnichannel.core.domain.PlatformUserId;
import io.omnichannel.core.fakes.ChannelEvents;
import io.omnichannel.core.fakes.CoreFixture;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RelayToChannelTest {
  private static final PlatformUserId SPECIALIST = new PlatformUserId("spec-on-line");
  private static final String EVENT = "platform:msg-1";

  private final CoreFixture f = new CoreFixture();
  private final Connection connection = f.connectedLine("Поддержка", "Shop Bot", "shop_bot");
  private final ChannelAccount ivan = account("acc-ivan", "501", ChatKind.PRIVATE, "user-ivan");

  private ChannelAccount account(String id, String chatId, ChatKind kind, String platformUser) {
    ChannelAccount account =
        ChannelAccount.opened(
            new AccountId(id),
            connection.id(),
            chat(chatId),
            kind,
            1,
            "Иван Петров",
            Optional.empty(),
            new PlatformUserId(platformUser),
            f.clock.instant());
    f.accounts.insert(account);
    return account;
  }

  private LineEvent.SpecialistMessage fromSpecialist(
      PlatformUserId user, MessageContent content, Keyboard keyboard) {
    return new LineEvent.SpecialistMessage(
        connection.line().id(), user, SPECIALIST, content, keyboard);
  }

  private List<OutboxMessage> relay(LineEvent event) {
    return f.relayToChannel.relay(connection, event, EVENT);
  }

  @Test
  void aSpecialistTextGoesToTheAccountChatWithItsMenuAsAKeyboard() {
    Keyboard menu = new Keyboard.ShowMenu(Menu.column("Оплата", "Доставка"));

    List<OutboxMessage> sends =
        relay(fromSpecialist(ivan.platformUser(), new MessageContent.Text("Выберите тему"), menu));

    assertThat(sends)
        .containsExactly(
            new OutboxMessage(
                connection.id(),
                chat("501"),
                ivan.id(),
                new OutboundPost.Text("Выберите тему", menu),
                EVENT));
  }

  @Test
  void aBroadcastLinkButtonIsKept() {
    Keyboard link =
        new Keyboard.Link(new LinkButton("Открыть акцию", URI.create("https://shop.example/sale")));

    List<OutboxMessage> sends =
        relay(fromSpecialist(ivan.platformUser(), new MessageContent.Text("Скидки!"), link));

    assertThat(sends)
        .singleElement()
        .satisfies(send -> assertThat(send.post().keyboard()).isEqualTo(link));
  }

  @Test
  void anImageAndAFileBecomeFilePostsThatStayOnTheLineSide() {
    Attachment picture =
        Attachment.of("scheme.png", "image/png", 1000, new FileRef("https://1c.example/f/1"));
    Attachment contract =
        Attachment.of(
            "contract.pdf", "application/pdf", 2000, new FileRef("https://1c.example/f/2"));

    List<OutboxMessage> image =
        relay(
            fromSpecialist(
                ivan.platformUser(),
                new MessageContent.Image(picture, Optional.of("Схема")),
                Keyboard.UNCHANGED));
    List<OutboxMessage> file =
        relay(
            fromSpecialist(
                ivan.platformUser(),
                new MessageContent.Document(contract, Optional.empty()),
                Keyboard.UNCHANGED));

    assertThat(image)
        .extracting(OutboxMessage::post)
        .containsExactly(
            new OutboundPost.File(
                FileKind.IMAGE, picture, Optional.of("Схема"), Keyboard.UNCHANGED));
    assertThat(file)
        .extracting(OutboxMessage::post)
        .containsExactly(
            new OutboundPost.File(FileKind.FILE, contract, Optional.empty(), Keyboard.UNCHANGED));
  }

  @Test
  void aDroppedKeyboardIsRemovedWithAShortText() {
    List<OutboxMessage> sends =
        relay(new LineEvent.KeyboardDropped(connection.line().id(), ivan.platformUser()));

    assertThat(sends)
        .extracting(OutboxMessage::post)
        .containsExactly(new OutboundPost.Text(UserNotices.MENU_CLOSED, Keyboard.REMOVE));
  }

  @Test
  void theUsersOwnMessageEchoedByTheLineIsNotRelayedBack() {
    List<OutboxMessage> sends =
        relay(
            new LineEvent.UserMessage(connection.line().id(), ivan.platformUser(), "Здравствуйте"));

    assertThat(sends).isEmpty();
    assertThat(f.logs.dropped()).isEmpty();
  }

  @Test
  void aMessageToAnUnknownUserIsDroppedAsUnknownRecipient() {
    List<OutboxMessage> sends =
        relay(
            fromSpecialist(
                new PlatformUserId("somebody-else"),
                new MessageContent.Text("Кто вы?"),
                Keyboard.UNCHANGED));

    assertThat(sends).isEmpty();
    assertThat(f.logs.dropped())
        .singleElement()
        .satisfies(
            dropped -> {
              assertThat(dropped.reason()).isEqualTo(DropReason.UNKNOWN_RECIPIENT);
              assertThat(dropped.direction()).isEqualTo(Direction.TO_CHANNEL);
              assertThat(dropped.sourceEventId()).isEqualTo(EVENT);
            });
  }

  @Test
  void aMessageToAnAccountThatBlockedTheBotIsDroppedAsBotBlockedAndTheSpecialistToldOnce() {
    f.accounts.update(ivan.blockedAt(f.clock.instant()));

    List<OutboxMessage> first =
        relay(
            fromSpecialist(ivan.platformUser(), new MessageContent.Text("Ау"), Keyboard.UNCHANGED));
    List<OutboxMessage> second =
        f.relayToChannel.relay(
            connection,
            fromSpecialist(
                ivan.platformUser(), new MessageContent.Text("Вы тут?"), Keyboard.UNCHANGED),
            "platform:msg-2");

    assertThat(first).isEmpty();
    assertThat(second).isEmpty();
    assertThat(f.logs.dropped())
        .hasSize(2)
        .allSatisfy(
            dropped -> {
              assertThat(dropped.reason()).isEqualTo(DropReason.BOT_BLOCKED);
              assertThat(dropped.account()).contains(ivan.id());
            });
    assertThat(f.platform.deliveries())
        .singleElement()
        .satisfies(
            notice -> {
              assertThat(notice.user()).isEqualTo(ivan.platformUser());
              assertThat(((LinePost.Text) notice.post()).text())
                  .startsWith("⚠️")
                  .contains("заблокировал");
            });
  }

  @Test
  void aBlockLearnedFromTheMessengersMembershipUpdateIsToldOnTheFirstAttempt() {
    f.relayToLine.relay(
        connection,
        ChannelEvents.membership("501", ChatKind.PRIVATE, ChannelEvent.Membership.BLOCKED),
        "telegram:1:9");
    assertThat(f.platform.deliveries()).as("nobody wrote yet: nothing to tell").isEmpty();

    relay(fromSpecialist(ivan.platformUser(), new MessageContent.Text("Ау"), Keyboard.UNCHANGED));

    assertThat(f.platform.deliveries())
        .singleElement()
        .satisfies(
            notice -> assertThat(((LinePost.Text) notice.post()).text()).contains("заблокировал"));
  }

  @Test
  void aMessageToAGroupTheBotLeftIsDroppedAsBotBlocked() {
    ChannelAccount group = account("acc-group", "-300", ChatKind.GROUP, "user-group");
    f.accounts.update(group.leftAt(f.clock.instant()));

    List<OutboxMessage> sends =
        relay(
            fromSpecialist(
                group.platformUser(), new MessageContent.Text("Ау"), Keyboard.UNCHANGED));

    assertThat(sends).isEmpty();
    assertThat(f.logs.dropped())
        .extracting(DroppedMessage::reason)
        .containsExactly(DropReason.BOT_BLOCKED);
    assertThat(f.platform.deliveries())
        .singleElement()
        .satisfies(
            notice ->
                assertThat(((LinePost.Text) notice.post()).text()).contains("удалён из группы"));
  }

  @Test
  void aMessageOnADisconnectedConnectionIsDropped() {
    Connection disconnected = connection.disconnected(f.clock.instant());

    List<OutboxMessage> sends =
        f.relayToChannel.relay(
            disconnected,
            fromSpecialist(ivan.platformUser(), new MessageContent.Text("Ау"), Keyboard.UNCHANGED),
            EVENT);

    assertThat(sends).isEmpty();
    assertThat(f.logs.dropped())
        .singleElement()
        .satisfies(
            dropped -> {
              assertThat(dropped.reason()).isEqualTo(DropReason.DISCONNECTED);
              assertThat(dropped.account()).contains(ivan.id());
            });
  }

  @Test
  void aMessageWhileTheTariffOptionIsOffIsDropped() {
    Connection optionOff = connection.withState(ConnectionState.TARIFF_OPTION_OFF);

    List<OutboxMessage> sends =
        f.relayToChannel.relay(
            optionOff,
            fromSpecialist(ivan.platformUser(), new MessageContent.Text("Ау"), Keyboard.UNCHANGED),
            EVENT);

    assertThat(sends).isEmpty();
    assertThat(f.logs.dropped())
        .extracting(DroppedMessage::reason)
        .containsExactly(DropReason.TARIFF_OPTION_OFF);
  }

  @Test
  void eventsTheRelayHasNoUseForAreNeitherSentNorRecorded() {
    List<OutboxMessage> sends =
        relay(
            new LineEvent.Ignored(connection.line().id(), ivan.platformUser(), "treatment-closed"));

    assertThat(sends).isEmpty();
    assertThat(f.logs.dropped()).isEmpty();
  }
}
