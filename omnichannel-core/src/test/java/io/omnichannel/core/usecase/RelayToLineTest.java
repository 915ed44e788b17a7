package io.omnichannel.core.usecase;

import static io.omnichannel.core.fakes.ChannelEvents.chat;
import static io.omnichannel.core.fakes.ChannelEvents.document;
import static io.omnichannel.core.fakes.ChannelEvents.documentOfUnknownSize;
import static io.omnichannel.core.fakes.ChannelEvents.groupMessage;
import static io.omnichannel.core.fakes.ChannelEvents.groupText;
import static io.omnichannel.core.fakes.ChannelEvents.membership;
import static io.omnichannel.core.fakes.ChannelEvents.migrated;
import static io.omnichannel.core.fakes.ChannelEvents.photo;
import static io.omnichannel.core.fakes.ChannelEvents.privateMessage;
import static io.omnichannel.core.fakes.ChannelEvents.privateText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnichannel.core.domain.ChannelAccount;
import io.omnichannel.core.domain.ChannelEvent;
import io.omnichannel.core.domain.ChannelEvent.Membership;
import io.omnichannel.core.domain.ChatKind;
import io.omnichannel.core.domain.Connection;
import io.omnichannel.core.domain.ConnectionState;
import io.omnichannel.core.domain.DroppedMessage;
import io.omnichannel.core.domain.DroppedMessage.DropReason;
import io.omnichannel.core.domain.FileRef;
import io.omnichannel.core.domain.Keyboard;
import io.omnichannel.core.domain.LimitCheck.FileKind;
import io.omnichannel.core.domain.LinePost;
import io.omnichannel.core.domain.MessageContent;
import io.omnichannel.core.domain.MessageContext;
import io.omnichannel.core.domain.OutboundPost;
import io.omnichannel.core.domain.OutboxMessage;
import io.omnichannel.core.domain.failure.ApiAccountRejected;
import io.omnichannel.core.fakes.CoreFixture;
import io.omnichannel.core.fakes.FakePlatform.Delivery;
import io.omnichannel.core.port.out.DeliveryOutcome;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RelayToLineTest {
  private static final long MIB = 1L << 20;

  private final CoreFixture f = new CoreFixture();
  private final Connection connection = f.connectedLine("Поддержка", "Shop Bot", "shop_bot");
  private int nextUpdate = 1;

  private List<OutboxMessage> relay(ChannelEvent event) {
    return f.relayToLine.relay(
        f.connections.find(connection.id()).orElseThrow(), event, nextEventId());
  }

  private String nextEventId() {
    return "telegram:" + connection.bot().id() + ":" + nextUpdate++;
  }

  private List<ChannelAccount> accounts() {
    return f.accounts.of(connection.id());
  }

  private ChannelAccount onlyAccount() {
    assertThat(accounts()).hasSize(1);
    return accounts().get(0);
  }

  private List<String> deliveredTexts() {
    return f.platform.deliveries().stream()
        .map(Delivery::post)
        .map(
            post ->
                post instanceof LinePost.Text text
                    ? text.text()
                    : "<file " + post.externalId() + ">")
        .toList();
  }

  private String lastDeliveredText() {
    List<String> texts = deliveredTexts();
    assertThat(texts).isNotEmpty();
    return texts.get(texts.size() - 1);
  }

  // --- accounts (F3, F10, B8)
  // ---------------------------------------------------------------------

  @Test
  void firstContactCreatesAnAccountInTheTechnicalClientWithNameAndUsername() {
    relay(privateText("501", "Иван Петров", "Здравствуйте"));

    assertThat(f.platform.users())
        .singleElement()
        .satisfies(
            user -> {
              assertThat(user.client()).isEqualTo(connection.technicalClient().id());
              assertThat(user.name()).isEqualTo("Иван Петров");
              assertThat(user.username()).contains("иван_петров");
            });
    ChannelAccount account = onlyAccount();
    assertThat(account.platformUser()).isEqualTo(f.platform.users().get(0).id());
    assertThat(account.displayName()).isEqualTo("Иван Петров");
    assertThat(account.username()).contains("иван_петров");
    assertThat(account.kind()).isEqualTo(ChatKind.PRIVATE);
    assertThat(account.epoch()).isEqualTo(1);
    assertThat(f.platform.deliveries())
        .singleElement()
        .satisfies(delivery -> assertThat(delivery.user()).isEqualTo(account.platformUser()));
  }

  @Test
  void theSecondMessageReusesTheAccount() {
    relay(privateText("501", "Иван Петров", "Здравствуйте"));
    relay(privateText("501", "Иван Петров", "Есть вопрос"));

    ChannelAccount account = onlyAccount();
    assertThat(f.platform.users()).hasSize(1);
    assertThat(f.platform.deliveries())
        .extracting(Delivery::user)
        .containsExactly(account.platformUser(), account.platformUser());
    assertThat(deliveredTexts()).containsExactly("Здравствуйте", "Есть вопрос");
  }

  @Test
  void aGroupIsOneAccountNamedAfterTheGroupAndEachLineStartsWithTheMemberName() {
    relay(groupText("-300", "Отдел закупок", "Иван Петров", "Нужен счёт"));
    relay(groupText("-300", "Отдел закупок", "Мария Сидорова", "И акт тоже"));

    ChannelAccount account = onlyAccount();
    assertThat(account.displayName()).isEqualTo("Отдел закупок");
    assertThat(account.kind()).isEqualTo(ChatKind.GROUP);
    assertThat(account.username()).isEmpty();
    assertThat(f.platform.users())
        .singleElement()
        .satisfies(user -> assertThat(user.name()).isEqualTo("Отдел закупок"));
    assertThat(deliveredTexts())
        .containsExactly("Иван Петров: Нужен счёт", "Мария Сидорова: И акт тоже");
  }

  @Test
  void removingTheBotFromTheGroupMakesTheNextMessageOpenANewAccountOfEpochTwo() {
    relay(groupText("-300", "Отдел закупок", "Иван Петров", "Первый"));
    relay(membership("-300", ChatKind.GROUP, Membership.LEFT));
    relay(membership("-300", ChatKind.GROUP, Membership.JOINED));
    relay(groupText("-300", "Отдел закупок", "Иван Петров", "Снова мы"));

    assertThat(accounts()).extracting(ChannelAccount::epoch).containsExactlyInAnyOrder(1, 2);
    ChannelAccount first =
        accounts().stream().filter(a -> a.epoch() == 1).findFirst().orElseThrow();
    ChannelAccount second =
        accounts().stream().filter(a -> a.epoch() == 2).findFirst().orElseThrow();
    assertThat(first.isOpen()).isFalse();
    assertThat(second.isOpen()).isTrue();
    assertThat(second.platformUser()).isNotEqualTo(first.platformUser());
    assertThat(f.platform.deliveries())
        .extracting(Delivery::user)
        .containsExactly(first.platformUser(), second.platformUser());
  }

  @Test
  void aSupergroupMigrationKeepsTheSameAccountUnderTheNewChatId() {
    relay(groupText("-300", "Отдел закупок", "Иван Петров", "До"));
    relay(migrated("-300", "-100300"));
    relay(groupText("-100300", "Отдел закупок", "Иван Петров", "После"));

    ChannelAccount account = onlyAccount();
    assertThat(account.chat()).isEqualTo(chat("-100300"));
    assertThat(account.epoch()).isEqualTo(1);
    assertThat(f.platform.users()).hasSize(1);
    assertThat(f.platform.deliveries())
        .extracting(Delivery::user)
        .containsOnly(account.platformUser())
        .hasSize(2);
  }

  // --- bans (F9)
  // ------------------------------------------------------------------------------------

  @Test
  void aBannedUserIsNotDeliveredAndTheMessageIsRecordedAsDropped() {
    relay(privateText("501", "Иван Петров", "Здравствуйте"));
    f.platform.ban(onlyAccount().platformUser());

    String eventId = nextEventId();
    List<OutboxMessage> notices =
        f.relayToLine.relay(connection, privateText("501", "Иван Петров", "Ау?"), eventId);

    assertThat(notices).isEmpty();
    assertThat(deliveredTexts()).containsExactly("Здравствуйте");
    assertThat(f.logs.dropped())
        .singleElement()
        .satisfies(
            dropped -> {
              assertThat(dropped.reason()).isEqualTo(DropReason.BANNED);
              assertThat(dropped.account()).contains(onlyAccount().id());
              assertThat(dropped.sourceEventId()).isEqualTo(eventId);
              assertThat(dropped.direction())
                  .isEqualTo(io.omnichannel.core.domain.Direction.TO_LINE);
            });
  }

  @Test
  void aLineSwitchedOffAnsweredAtDeliveryIsRecordedAsBanned() {
    f.platform.refuseNextDelivery(new DeliveryOutcome.UserBanned());

    List<OutboxMessage> notices =
        relay(privateMessage("501", "Иван Петров", photo("big", 6 * MIB, null)));

    assertThat(notices).as("no notice to a banned user").isEmpty();
    assertThat(f.platform.deliveries()).isEmpty();
    assertThat(f.logs.dropped())
        .extracting(DroppedMessage::reason)
        .containsExactly(DropReason.BANNED);
  }

  // --- text, captions, idempotency (F6, B1)
  // ----------------------------------------------------------

  @Test
  void textIsDeliveredWithTheEventIdAsExternalId() {
    String eventId = nextEventId();
    f.relayToLine.relay(connection, privateText("501", "Иван Петров", "Здравствуйте"), eventId);

    assertThat(f.platform.deliveries())
        .singleElement()
        .satisfies(
            delivery ->
                assertThat(delivery.post()).isEqualTo(new LinePost.Text("Здравствуйте", eventId)));
  }

  @Test
  void aCaptionTravelsWithItsImage() {
    f.messenger.file(new FileRef("ph-1"), 100_000);
    String eventId = nextEventId();
    f.relayToLine.relay(
        connection,
        privateMessage("501", "Иван Петров", photo("ph-1", 100_000, "Вот чек")),
        eventId);

    LinePost.File file = (LinePost.File) f.platform.deliveries().get(0).post();
    assertThat(file.kind()).isEqualTo(FileKind.IMAGE);
    assertThat(file.comment()).contains("Вот чек");
    assertThat(file.externalId()).isEqualTo(eventId);
    assertThat(file.sizeBytes()).isEqualTo(100_000);
  }

  @Test
  void deliveringTheSameEventTwiceLandsOnce() {
    String eventId = nextEventId();
    f.relayToLine.relay(connection, privateText("501", "Иван Петров", "Здравствуйте"), eventId);
    f.relayToLine.relay(connection, privateText("501", "Иван Петров", "Здравствуйте"), eventId);

    assertThat(f.platform.deliveries()).hasSize(1);
    assertThat(accounts()).hasSize(1);
  }

  // --- size limits (F6)
  // ------------------------------------------------------------------------------

  @Test
  void anImageOfExactlyFiveMebibytesIsDelivered() {
    f.messenger.file(new FileRef("ph-5"), 5 * MIB);

    List<OutboxMessage> notices =
        relay(privateMessage("501", "Иван Петров", photo("ph-5", 5 * MIB, null)));

    assertThat(notices).isEmpty();
    assertThat(f.platform.deliveries())
        .singleElement()
        .satisfies(
            d ->
                assertThat(d.post())
                    .isInstanceOfSatisfying(
                        LinePost.File.class,
                        file -> assertThat(file.sizeBytes()).isEqualTo(5 * MIB)));
  }

  @Test
  void anImageOneByteOverFiveMebibytesBecomesAPlaceholderAndTheUserGetsANotice() {
    FileRef ref = new FileRef("ph-big");
    f.messenger.file(ref, 5 * MIB + 1);

    List<OutboxMessage> notices =
        relay(privateMessage("501", "Иван Петров", photo("ph-big", 5 * MIB + 1, "чек")));

    assertThat(lastDeliveredText()).startsWith("[Изображение «photo.jpg»").contains("не передано");
    assertThat(notices)
        .singleElement()
        .satisfies(
            notice -> {
              assertThat(notice.chat()).isEqualTo(chat("501"));
              assertThat(notice.account()).isEqualTo(onlyAccount().id());
              assertThat(notice.post())
                  .isInstanceOfSatisfying(
                      OutboundPost.Text.class,
                      text -> {
                        assertThat(text.text())
                            .contains("не отправлено")
                            .contains("5,1 МБ")
                            .contains("не больше 5 МБ");
                        assertThat(text.keyboard()).isEqualTo(Keyboard.UNCHANGED);
                      });
            });
    assertThat(f.messenger.wasOpened(ref)).isFalse();
    assertThat(f.messenger.wasLookedUp(ref)).as("declared size alone refuses it").isFalse();
  }

  @Test
  void theCaptionOfARefusedImageStillReachesTheLine() {
    f.messenger.file(new FileRef("ph-big"), 8 * MIB);

    relay(
        privateMessage(
            "501", "Иван Петров", photo("ph-big", 8 * MIB, "Счёт №17, оплатите до пятницы")));

    assertThat(lastDeliveredText())
        .startsWith("[Изображение")
        .endsWith("]\nСчёт №17, оплатите до пятницы");
  }

  @Test
  void aFileOfExactlyTwentyMebibytesIsDelivered() {
    f.messenger.file(new FileRef("doc-20"), 20 * MIB);

    List<OutboxMessage> notices =
        relay(privateMessage("501", "Иван Петров", document("doc-20", 20 * MIB, null)));

    assertThat(notices).isEmpty();
    assertThat(f.platform.deliveries())
        .singleElement()
        .satisfies(
            d ->
                assertThat(d.post())
                    .isInstanceOfSatisfying(
                        LinePost.File.class,
                        file -> assertThat(file.kind()).isEqualTo(FileKind.FILE)));
  }

  @Test
  void aFileOneByteOverTwentyMebibytesBecomesAPlaceholderAndTheUserGetsANotice() {
    FileRef ref = new FileRef("doc-big");
    f.messenger.file(ref, 20 * MIB + 1);

    List<OutboxMessage> notices =
        relay(privateMessage("501", "Иван Петров", document("doc-big", 20 * MIB + 1, null)));

    assertThat(lastDeliveredText()).startsWith("[Файл «report.pdf»");
    assertThat(notices)
        .singleElement()
        .satisfies(n -> assertThat(((OutboundPost.Text) n.post()).text()).contains("20 МБ"));
    assertThat(f.messenger.wasOpened(ref)).isFalse();
  }

  @Test
  void aDeclaredSizeWithinLimitsIsRefusedWhenTheLookupFindsItOver() {
    FileRef ref = new FileRef("ph-liar");
    f.messenger.file(ref, 7 * MIB);

    List<OutboxMessage> notices =
        relay(privateMessage("501", "Иван Петров", photo("ph-liar", 1 * MIB, null)));

    assertThat(lastDeliveredText()).startsWith("[Изображение").contains("7 МБ");
    assertThat(notices).hasSize(1);
    assertThat(f.messenger.wasOpened(ref)).isFalse();
  }

  @Test
  void anUnknownDeclaredSizeIsCheckedByLookingTheFileUp() {
    f.messenger.file(new FileRef("doc-small"), 3 * MIB);
    f.messenger.file(new FileRef("doc-huge"), 30 * MIB);

    List<OutboxMessage> small =
        relay(privateMessage("501", "Иван Петров", documentOfUnknownSize("doc-small")));
    List<OutboxMessage> huge =
        relay(privateMessage("501", "Иван Петров", documentOfUnknownSize("doc-huge")));

    assertThat(small).isEmpty();
    assertThat(((LinePost.File) f.platform.deliveries().get(0).post()).sizeBytes())
        .isEqualTo(3 * MIB);
    assertThat(huge).hasSize(1);
    assertThat(lastDeliveredText()).startsWith("[Файл").contains("30 МБ");
    assertThat(f.messenger.wasOpened(new FileRef("doc-huge"))).isFalse();
  }

  // --- unsupported and rich content (F8, B7)
  // -----------------------------------------------------------

  @ParameterizedTest
  @EnumSource(
      value = MessageContent.UnsupportedKind.class,
      names = {"VOICE", "VIDEO_NOTE"})
  void voiceAndVideoNotesBecomeAPlaceholderAndAPoliteNotice(MessageContent.UnsupportedKind kind) {
    List<OutboxMessage> notices =
        relay(privateMessage("501", "Иван Петров", new MessageContent.Unsupported(kind)));

    assertThat(lastDeliveredText()).startsWith("[").contains("не поддерживается");
    assertThat(notices)
        .singleElement()
        .satisfies(
            n ->
                assertThat(((OutboundPost.Text) n.post()).text())
                    .contains("не поддерживается")
                    .contains("Пожалуйста"));
  }

  @Test
  void aLocationIsRenderedAsText() {
    relay(
        privateMessage(
            "501",
            "Иван Петров",
            new MessageContent.Location(55.751244, 37.618423, Optional.of("Офис"))));

    assertThat(lastDeliveredText())
        .startsWith("📍 Геопозиция «Офис»: 55.751244, 37.618423")
        .contains("https://yandex.ru/maps/?pt=37.618423,55.751244");
  }

  @Test
  void aContactIsRenderedAsText() {
    relay(
        privateMessage(
            "501",
            "Иван Петров",
            new MessageContent.Contact("Мария Сидорова", Optional.of("+7 900 000-00-00"))));

    assertThat(lastDeliveredText()).isEqualTo("👤 Контакт: Мария Сидорова, +7 900 000-00-00");
  }

  @Test
  void anEditedMessageIsMarked() {
    relay(
        privateMessage(
            "501",
            "Иван Петров",
            new MessageContent.Text("Исправил"),
            new MessageContext(true, Optional.empty(), Optional.empty())));

    assertThat(lastDeliveredText()).isEqualTo("✏️ Изменено: Исправил");
  }

  @Test
  void aReplyQuotesTheFirstLineOfTheMessageItAnswers() {
    relay(
        privateMessage(
            "501",
            "Иван Петров",
            new MessageContent.Text("Да, подходит"),
            new MessageContext(
                false, Optional.of("Вам подходит вторник?\nИли среда?"), Optional.empty())));

    assertThat(lastDeliveredText())
        .isEqualTo("↩️ В ответ на «Вам подходит вторник?»\nДа, подходит");
  }

  @Test
  void aGroupMemberNameComesBeforeAPlaceholderToo() {
    relay(
        groupMessage(
            "-300",
            "Отдел закупок",
            "Иван Петров",
            new MessageContent.Unsupported(MessageContent.UnsupportedKind.VOICE)));

    assertThat(lastDeliveredText()).startsWith("Иван Петров: [Голосовое сообщение");
  }

  // --- connection state
  // -------------------------------------------------------------------------------

  @Test
  void aMessageToADisconnectedConnectionIsDropped() {
    Connection disconnected = connection.disconnected(f.clock.instant());
    f.connections.update(disconnected);

    List<OutboxMessage> notices =
        f.relayToLine.relay(disconnected, privateText("501", "Иван Петров", "Ау"), nextEventId());

    assertThat(notices).isEmpty();
    assertThat(f.platform.deliveries()).isEmpty();
    assertThat(f.platform.users()).as("no account for a disconnected bot").isEmpty();
    assertThat(f.logs.dropped())
        .extracting(DroppedMessage::reason)
        .containsExactly(DropReason.DISCONNECTED);
  }

  @Test
  void aTariffOptionOffAtDeliveryMarksTheConnectionAndDropsTheMessage() {
    f.platform.refuseNextDelivery(new DeliveryOutcome.TariffOptionOff());

    relay(privateText("501", "Иван Петров", "Ау"));

    assertThat(f.connections.find(connection.id()).orElseThrow().state())
        .isEqualTo(ConnectionState.TARIFF_OPTION_OFF);
    assertThat(f.platform.deliveries()).isEmpty();
    assertThat(f.logs.dropped())
        .extracting(DroppedMessage::reason)
        .containsExactly(DropReason.TARIFF_OPTION_OFF);
    assertThat(f.logs.dropped().get(0).account()).contains(onlyAccount().id());
  }

  @Test
  void anApiAccountRejectedAtDeliveryMarksTheConnectionAndFailsTheEvent() {
    f.platform.failNextDelivery(new ApiAccountRejected("401"));

    assertThatThrownBy(() -> relay(privateText("501", "Иван Петров", "Ау")))
        .isInstanceOf(ApiAccountRejected.class);

    assertThat(f.connections.find(connection.id()).orElseThrow().state())
        .isEqualTo(ConnectionState.API_ACCOUNT_REJECTED);
  }

  @ParameterizedTest
  @EnumSource(
      value = ConnectionState.class,
      names = {"API_ACCOUNT_REJECTED", "TARIFF_OPTION_OFF"})
  void aDeliveryThatSucceedsShowsTheLineAcceptsMessagesAgain(ConnectionState stale) {
    f.connections.update(connection.withState(stale));

    relay(privateText("501", "Иван Петров", "Ау"));

    assertThat(f.connections.find(connection.id()).orElseThrow().state())
        .isEqualTo(ConnectionState.ACTIVE);
  }

  @Test
  void aDeliveryLeavesOtherStatesToMonitoring() {
    f.connections.update(connection.withState(ConnectionState.WEBHOOK_FAILING));

    relay(privateText("501", "Иван Петров", "Ау"));

    assertThat(f.connections.find(connection.id()).orElseThrow().state())
        .isEqualTo(ConnectionState.WEBHOOK_FAILING);
  }

  // --- blocking (F11)
  // ------------------------------------------------------------------------------------

  @Test
  void aBlockedAccountThatWritesAgainIsUnblocked() {
    relay(privateText("501", "Иван Петров", "Привет"));
    relay(membership("501", ChatKind.PRIVATE, Membership.BLOCKED));
    assertThat(onlyAccount().isBlocked()).isTrue();

    relay(privateText("501", "Иван Петров", "Я вернулся"));

    assertThat(onlyAccount().isBlocked()).isFalse();
    assertThat(deliveredTexts()).containsExactly("Привет", "Я вернулся");
  }

  @Test
  void blockedAndUnblockedMembershipEventsFlipTheFlag() {
    relay(privateText("501", "Иван Петров", "Привет"));

    relay(membership("501", ChatKind.PRIVATE, Membership.BLOCKED));
    assertThat(onlyAccount().blockedSince()).contains(f.clock.instant());

    relay(membership("501", ChatKind.PRIVATE, Membership.UNBLOCKED));
    assertThat(onlyAccount().isBlocked()).isFalse();
    assertThat(accounts()).hasSize(1);
  }

  @Test
  void aFirstContactRetriedAfterACrashRegistersTheUserOnce() {
    io.omnichannel.core.port.out.AccountRepository crashingOnce =
        new io.omnichannel.core.fakes.ForwardingAccounts(f.accounts) {
          private boolean crashed;

          @Override
          public void insert(ChannelAccount account) {
            if (!crashed) {
              crashed = true;
              throw new io.omnichannel.core.domain.failure.StorageUnavailable(
                  "killed before the insert", null);
            }
            super.insert(account);
          }
        };
    RelayToLine relay =
        new RelayToLine(
            f.platform,
            f.messengers,
            f.channels,
            crashingOnce,
            f.topics,
            f.connections,
            f.logs,
            f.clock);
    ChannelEvent hello = privateText("501", "Иван", "Привет");

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> relay.relay(connection, hello, "telegram:1:1"))
        .isInstanceOf(io.omnichannel.core.domain.failure.StorageUnavailable.class);
    relay.relay(connection, hello, "telegram:1:1");

    assertThat(f.platform.users()).as("the retry found the user of the first attempt").hasSize(1);
    assertThat(accounts())
        .singleElement()
        .satisfies(a -> assertThat(a.platformUser()).isEqualTo(f.platform.users().get(0).id()));
  }
}
