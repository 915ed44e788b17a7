package io.omnichannel.core.usecase;

import static io.omnichannel.core.fakes.ChannelEvents.chat;
import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.core.domain.AccountId;
import io.omnichannel.core.domain.Attachment;
import io.omnichannel.core.domain.ChannelAccount;
import io.omnichannel.core.domain.ChannelCatalog;
import io.omnichannel.core.domain.ChannelDescription;
import io.omnichannel.core.domain.ChannelDescription.Abilities;
import io.omnichannel.core.domain.ChatKind;
import io.omnichannel.core.domain.Connection;
import io.omnichannel.core.domain.FileRef;
import io.omnichannel.core.domain.ForumTopic;
import io.omnichannel.core.domain.Keyboard;
import io.omnichannel.core.domain.LimitCheck.FileKind;
import io.omnichannel.core.domain.LineEvent;
import io.omnichannel.core.domain.LinkButton;
import io.omnichannel.core.domain.MessageContent;
import io.omnichannel.core.domain.OutboundPost;
import io.omnichannel.core.domain.OutboxMessage;
import io.omnichannel.core.domain.PlatformUserId;
import io.omnichannel.core.domain.TopicId;
import io.omnichannel.core.fakes.CoreFixture;
import io.omnichannel.core.fakes.FakeMessenger;
import io.omnichannel.core.fakes.FakeMessenger.Sent;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The core acts on what each messenger says it can do ({@link Abilities}): the Telegram-like
 * messenger has link buttons and topics and cannot take a keyboard away silently; "Pigeon" is
 * described here with none of these, and removes keyboards silently.
 */
class MessengerAbilitiesTest {
  private static final LinkButton SALE =
      new LinkButton("Открыть акцию", URI.create("https://shop.example/sale"));
  private static final String SALE_AS_TEXT = "🔗 Открыть акцию: https://shop.example/sale";

  private final CoreFixture f = new CoreFixture();
  private final Connection telegram = f.connectedLine("Поддержка", "Shop Bot", "shop_bot");
  private final Connection pigeon =
      f.connectedLine(f.pigeon, "Продажи", "Pigeon Bot", "pigeon_bot");
  private final ChannelCatalog catalog =
      ChannelCatalog.of(
          FakeMessenger.TELEGRAM,
          withAbilities(f.pigeon.describe(), new Abilities(true, false, 4000, false)));
  private final RelayToChannel relay =
      new RelayToChannel(f.platform, catalog, f.accounts, f.logs, f.clock);
  private final DeliveringToChannel delivering =
      new DeliveringToChannel(
          f.messengers, catalog, f.platform, f.connections, f.accounts, f.logs, f.clock);
  private int nextEvent = 1;

  private static ChannelDescription withAbilities(ChannelDescription base, Abilities abilities) {
    return new ChannelDescription(
        base.kind(),
        base.tokenFormat(),
        base.tokenHint(),
        abilities,
        base.ownLimits(),
        base.pacing());
  }

  private ChannelAccount account(Connection connection, Optional<ForumTopic> topic) {
    ChannelAccount account =
        ChannelAccount.opened(
            new AccountId("acc-" + connection.id().value()),
            connection.id(),
            chat("-100777"),
            topic,
            ChatKind.GROUP,
            1,
            "Отдел закупок",
            Optional.empty(),
            new PlatformUserId("user-" + connection.id().value()),
            f.clock.instant());
    f.accounts.insert(account);
    return account;
  }

  private List<OutboundPost> posts(RelayToChannel relay, Connection connection, LineEvent event) {
    return relay.relay(connection, event, "platform:" + nextEvent++).stream()
        .map(OutboxMessage::post)
        .toList();
  }

  private List<OutboundPost> posts(Connection connection, LineEvent event) {
    return posts(relay, connection, event);
  }

  private static LineEvent dropped(Connection connection, ChannelAccount account) {
    return new LineEvent.KeyboardDropped(connection.line().id(), account.platformUser());
  }

  private LineEvent specialist(
      Connection connection, ChannelAccount account, MessageContent content, Keyboard keyboard) {
    return new LineEvent.SpecialistMessage(
        connection.line().id(), account.platformUser(), f.specialist.id(), content, keyboard);
  }

  @Test
  void aDroppedKeyboardGoesWithATextOnlyWhereTheMessengerCannotRemoveItSilently() {
    ChannelAccount onTelegram = account(telegram, Optional.empty());
    ChannelAccount onPigeon = account(pigeon, Optional.empty());

    assertThat(posts(telegram, dropped(telegram, onTelegram)))
        .containsExactly(new OutboundPost.Text(UserNotices.MENU_CLOSED, Keyboard.REMOVE));
    assertThat(posts(pigeon, dropped(pigeon, onPigeon))).isEmpty();
    assertThat(f.logs.dropped()).as("nothing to send is nothing dropped").isEmpty();
  }

  @Test
  void aLinkButtonIsAButtonWhereTheMessengerHasThemElseTheTextsLastParagraph() {
    ChannelAccount onTelegram = account(telegram, Optional.empty());
    ChannelAccount onPigeon = account(pigeon, Optional.empty());
    MessageContent text = new MessageContent.Text("Скидки!");
    Keyboard link = new Keyboard.Link(SALE);

    assertThat(posts(telegram, specialist(telegram, onTelegram, text, link)))
        .containsExactly(new OutboundPost.Text("Скидки!", link));
    assertThat(posts(pigeon, specialist(pigeon, onPigeon, text, link)))
        .containsExactly(new OutboundPost.Text("Скидки!\n\n" + SALE_AS_TEXT, Keyboard.UNCHANGED));
  }

  @Test
  void aFilesLinkWithoutLinkButtonsEndsItsCaptionOrIsIt() {
    ChannelAccount onPigeon = account(pigeon, Optional.empty());
    Attachment leaflet =
        Attachment.of("leaflet.png", "image/png", 1000, new FileRef("https://1c.example/f/1"));
    Attachment price =
        Attachment.of("price.pdf", "application/pdf", 2000, new FileRef("https://1c.example/f/2"));
    Keyboard link = new Keyboard.Link(SALE);

    MessageContent image = new MessageContent.Image(leaflet, Optional.of("Каталог"));
    MessageContent file = new MessageContent.Document(price, Optional.empty());

    assertThat(posts(pigeon, specialist(pigeon, onPigeon, image, link)))
        .containsExactly(
            new OutboundPost.File(
                FileKind.IMAGE,
                leaflet,
                Optional.of("Каталог\n\n" + SALE_AS_TEXT),
                Keyboard.UNCHANGED));
    assertThat(posts(pigeon, specialist(pigeon, onPigeon, file, link)))
        .containsExactly(
            new OutboundPost.File(
                FileKind.FILE, price, Optional.of(SALE_AS_TEXT), Keyboard.UNCHANGED));
  }

  @Test
  void anAnswerGoesIntoATopicOnlyOnAMessengerWithTopics() {
    ForumTopic delivery = new ForumTopic(new TopicId("10"), "Доставка");
    ChannelAccount onTelegram = account(telegram, Optional.of(delivery));
    ChannelAccount onPigeon = account(pigeon, Optional.of(delivery));

    for (Connection connection : List.of(telegram, pigeon)) {
      ChannelAccount to = connection == telegram ? onTelegram : onPigeon;
      relay
          .relay(
              connection,
              specialist(connection, to, new MessageContent.Text("Завтра"), Keyboard.UNCHANGED),
              "platform:" + nextEvent++)
          .forEach(delivering::deliver);
    }

    assertThat(f.messenger.sent())
        .extracting(Sent::topic)
        .containsExactly(Optional.of(delivery.id()));
    assertThat(f.pigeon.sent()).extracting(Sent::topic).containsExactly(Optional.empty());
  }

  @Test
  void aMessengerNotConfiguredGetsWhatEveryMessengerShows() {
    RelayToChannel telegramOnly =
        new RelayToChannel(
            f.platform, ChannelCatalog.of(FakeMessenger.TELEGRAM), f.accounts, f.logs, f.clock);
    ChannelAccount onPigeon = account(pigeon, Optional.empty());

    assertThat(posts(telegramOnly, pigeon, dropped(pigeon, onPigeon)))
        .containsExactly(new OutboundPost.Text(UserNotices.MENU_CLOSED, Keyboard.REMOVE));
    assertThat(
            posts(
                telegramOnly,
                pigeon,
                specialist(
                    pigeon, onPigeon, new MessageContent.Text("Скидки!"), new Keyboard.Link(SALE))))
        .containsExactly(new OutboundPost.Text("Скидки!\n\n" + SALE_AS_TEXT, Keyboard.UNCHANGED));
  }
}
