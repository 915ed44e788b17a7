package io.omnichannel.core.usecase;

import static io.omnichannel.core.fakes.ChannelEvents.chat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnichannel.core.domain.AccountId;
import io.omnichannel.core.domain.Attachment;
import io.omnichannel.core.domain.ChannelAccount;
import io.omnichannel.core.domain.ChannelPost;
import io.omnichannel.core.domain.ChatKind;
import io.omnichannel.core.domain.Connection;
import io.omnichannel.core.domain.ConnectionState;
import io.omnichannel.core.domain.DroppedMessage;
import io.omnichannel.core.domain.DroppedMessage.DropReason;
import io.omnichannel.core.domain.FileRef;
import io.omnichannel.core.domain.Keyboard;
import io.omnichannel.core.domain.LimitCheck.FileKind;
import io.omnichannel.core.domain.LinePost;
import io.omnichannel.core.domain.Menu;
import io.omnichannel.core.domain.OutboundPost;
import io.omnichannel.core.domain.OutboxMessage;
import io.omnichannel.core.domain.PlatformUserId;
import io.omnichannel.core.domain.failure.InvalidBotToken;
import io.omnichannel.core.domain.failure.PlatformUnavailable;
import io.omnichannel.core.domain.failure.RateLimited;
import io.omnichannel.core.fakes.CoreFixture;
import io.omnichannel.core.fakes.FakePlatform.Delivery;
import io.omnichannel.core.fakes.ForwardingAccounts;
import io.omnichannel.core.port.out.AccountRepository;
import io.omnichannel.core.port.out.SendOutcome;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class DeliveringToChannelTest {
  private static final long MIB = 1L << 20;

  private final CoreFixture f = new CoreFixture();
  private final Connection connection = f.connectedLine("Поддержка", "Shop Bot", "shop_bot");
  private final ChannelAccount ivan = account("acc-ivan", "501", ChatKind.PRIVATE);
  private int nextEvent = 1;

  private ChannelAccount account(String id, String chatId, ChatKind kind) {
    ChannelAccount account =
        ChannelAccount.opened(
            new AccountId(id),
            connection.id(),
            chat(chatId),
            kind,
            1,
            "Иван Петров",
            Optional.empty(),
            new PlatformUserId("user-" + id),
            f.clock.instant());
    f.accounts.insert(account);
    return account;
  }

  private OutboxMessage to(ChannelAccount account, OutboundPost post) {
    return new OutboxMessage(
        connection.id(), account.chat(), account.id(), post, "platform:m" + nextEvent++);
  }

  private OutboxMessage text(ChannelAccount account, String text) {
    return to(account, new OutboundPost.Text(text, Keyboard.UNCHANGED));
  }

  /** A file the line holds with {@code actualBytes}; the outbox row declares {@code declared}. */
  private OutboxMessage lineFile(
      FileKind kind, String ref, OptionalLong declared, long actualBytes) {
    f.platform.lineFile(new FileRef(ref), new byte[Math.toIntExact(actualBytes)]);
    Attachment file =
        new Attachment(
            kind == FileKind.IMAGE ? "scheme.png" : "price.xlsx",
            kind == FileKind.IMAGE ? "image/png" : "application/octet-stream",
            declared,
            new FileRef(ref));
    return to(ivan, new OutboundPost.File(kind, file, Optional.of("Смотрите"), Keyboard.UNCHANGED));
  }

  private List<LinePost> noticesInLine() {
    return f.platform.deliveries().stream()
        .map(Delivery::post)
        .filter(post -> post instanceof LinePost.Text text && text.text().startsWith("⚠️"))
        .toList();
  }

  private List<DropReason> dropReasons() {
    return f.logs.dropped().stream().map(DroppedMessage::reason).toList();
  }

  // --- sending
  // --------------------------------------------------------------------------------------

  @Test
  void aTextIsSentToTheAccountChatWithItsKeyboard() {
    Keyboard menu = new Keyboard.ShowMenu(Menu.column("Да", "Нет"));

    f.delivering.deliver(to(ivan, new OutboundPost.Text("Подтверждаете?", menu)));

    assertThat(f.messenger.sentTo(chat("501")))
        .singleElement()
        .satisfies(
            sent ->
                assertThat(sent.post()).isEqualTo(new ChannelPost.Text("Подтверждаете?", menu)));
  }

  @Test
  void anImageOfTenMebibytesIsFetchedFromTheLineAndSent() {
    f.delivering.deliver(lineFile(FileKind.IMAGE, "f-img", OptionalLong.of(10 * MIB), 10 * MIB));

    assertThat(f.messenger.sentTo(chat("501")))
        .singleElement()
        .satisfies(
            sent ->
                assertThat(sent.post())
                    .isInstanceOfSatisfying(
                        ChannelPost.File.class,
                        file -> {
                          assertThat(file.kind()).isEqualTo(FileKind.IMAGE);
                          assertThat(file.sizeBytes()).isEqualTo(10 * MIB);
                          assertThat(file.caption()).contains("Смотрите");
                        }));
    assertThat(f.logs.dropped()).isEmpty();
  }

  @Test
  void anImageOneByteOverTenMebibytesIsRefusedBeforeAnySendAndTheSpecialistIsTold() {
    // declared over the limit: refused without even looking the file up (none is registered under
    // this ref)
    Attachment declaredBig =
        Attachment.of("scheme.png", "image/png", 10 * MIB + 1, new FileRef("never-fetched"));
    OutboxMessage message =
        to(
            ivan,
            new OutboundPost.File(
                FileKind.IMAGE, declaredBig, Optional.empty(), Keyboard.UNCHANGED));

    f.delivering.deliver(message);

    assertThat(f.messenger.sent()).isEmpty();
    assertThat(noticesInLine())
        .singleElement()
        .satisfies(
            notice ->
                assertThat(((LinePost.Text) notice).text())
                    .contains("scheme.png")
                    .contains("10 МБ"));
    assertThat(f.platform.deliveries())
        .extracting(Delivery::user)
        .containsExactly(ivan.platformUser());
    assertThat(f.logs.dropped())
        .singleElement()
        .satisfies(
            dropped -> {
              assertThat(dropped.reason()).isEqualTo(DropReason.TOO_LARGE);
              assertThat(dropped.sourceEventId()).isEqualTo(message.sourceEventId());
            });
  }

  @Test
  void aFileOfFiftyMebibytesIsSent() {
    f.delivering.deliver(lineFile(FileKind.FILE, "f-50", OptionalLong.empty(), 50 * MIB));

    assertThat(f.messenger.sentTo(chat("501")))
        .singleElement()
        .satisfies(
            sent -> assertThat(((ChannelPost.File) sent.post()).sizeBytes()).isEqualTo(50 * MIB));
  }

  @Test
  void aFileIsTypedAsItsDownloadDeclaresElseAsItsNameSays() {
    OutboxMessage typed = lineFile(FileKind.FILE, "f-typed", OptionalLong.empty(), 10);
    f.platform.lineFile(new FileRef("f-typed"), new byte[10], "application/vnd.ms-excel");
    OutboxMessage untyped = lineFile(FileKind.FILE, "f-untyped", OptionalLong.empty(), 10);

    f.delivering.deliver(typed);
    f.delivering.deliver(untyped);

    assertThat(f.messenger.sentTo(chat("501")))
        .extracting(sent -> ((ChannelPost.File) sent.post()).mimeType())
        .containsExactly("application/vnd.ms-excel", "application/octet-stream");
  }

  @Test
  void aFileFoundOneByteOverFiftyMebibytesWhenFetchedIsRefusedAndTheSpecialistIsTold() {
    f.delivering.deliver(lineFile(FileKind.FILE, "f-51", OptionalLong.of(1 * MIB), 50 * MIB + 1));

    assertThat(f.messenger.sent()).isEmpty();
    assertThat(noticesInLine()).hasSize(1);
    assertThat(dropReasons()).containsExactly(DropReason.TOO_LARGE);
  }

  @Test
  void aFileTheMessengerRefusesAsTooLargeIsRecordedAndTheSpecialistIsTold() {
    f.messenger.refuseNextSend(chat("501"), new SendOutcome.TooLarge());

    f.delivering.deliver(lineFile(FileKind.FILE, "f-odd", OptionalLong.empty(), 1000));

    assertThat(noticesInLine()).hasSize(1);
    assertThat(dropReasons()).containsExactly(DropReason.TOO_LARGE);
  }

  @Test
  void aChatTheMessengerDoesNotKnowIsDroppedAndRecordedNotRetried() {
    f.messenger.refuseNextSend(chat("501"), new SendOutcome.ChatNotFound());

    f.delivering.deliver(text(ivan, "Ответ"));

    assertThat(dropReasons()).containsExactly(DropReason.CHAT_NOT_FOUND);
    assertThat(f.accounts.find(ivan.id()).orElseThrow().isBlocked()).isFalse();
    assertThat(noticesInLine()).isEmpty();
  }

  // --- blocked bot (F11)
  // ------------------------------------------------------------------------------

  @Test
  void aUserWhoBlockedTheBotIsMarkedRecordedAndTheSpecialistToldOnce() {
    f.messenger.refuseNextSend(chat("501"), new SendOutcome.RecipientBlocked());

    f.delivering.deliver(text(ivan, "Первое"));

    assertThat(f.accounts.find(ivan.id()).orElseThrow().isBlocked()).isTrue();
    assertThat(dropReasons()).containsExactly(DropReason.BOT_BLOCKED);
    assertThat(noticesInLine())
        .singleElement()
        .satisfies(
            notice ->
                assertThat(((LinePost.Text) notice).text())
                    .contains("заблокировал")
                    .contains("@shop_bot"));
  }

  @Test
  void theNextMessageToABlockedUserIsDroppedWithoutCallingTheMessengerOrTellingAgain() {
    f.messenger.refuseNextSend(chat("501"), new SendOutcome.RecipientBlocked());
    f.delivering.deliver(text(ivan, "Первое"));

    f.delivering.deliver(text(ivan, "Второе"));
    f.delivering.deliver(text(ivan, "Третье"));

    assertThat(f.messenger.sent())
        .as("the messenger would have accepted these: it was never asked")
        .isEmpty();
    assertThat(noticesInLine()).hasSize(1);
    assertThat(dropReasons())
        .containsExactly(DropReason.BOT_BLOCKED, DropReason.BOT_BLOCKED, DropReason.BOT_BLOCKED);
  }

  @Test
  void aBlockNoticeThatFailedIsToldWhenTheRowIsRetriedAndLandsOnce() {
    OutboxMessage message = text(ivan, "Первое");
    f.messenger.refuseNextSend(chat("501"), new SendOutcome.RecipientBlocked());
    f.platform.failNextDelivery(new PlatformUnavailable("1C-Connect is down"));

    assertThatThrownBy(() -> f.delivering.deliver(message)).isInstanceOf(PlatformUnavailable.class);
    f.delivering.deliver(message);
    f.delivering.deliver(message);

    assertThat(noticesInLine()).hasSize(1);
    assertThat(f.accounts.find(ivan.id()).orElseThrow().isBlocked()).isTrue();
    assertThat(f.messenger.sent()).isEmpty();
  }

  @Test
  void aSecondInstanceThatStillSawTheUserUnblockedTellsTheSameEpisodeSoTheLineShowsItOnce() {
    // the other instance's account cache (seconds) still holds the account from before the block
    AccountRepository staleView =
        new ForwardingAccounts(f.accounts) {
          @Override
          public Optional<ChannelAccount> find(AccountId id) {
            return id.equals(ivan.id()) ? Optional.of(ivan) : super.find(id);
          }
        };
    DeliveringToChannel otherInstance =
        new DeliveringToChannel(
            f.messengers, f.channels, f.platform, f.connections, staleView, f.logs, f.clock);
    f.messenger.refuseNextSend(chat("501"), new SendOutcome.RecipientBlocked());
    f.delivering.deliver(text(ivan, "Первое"));
    f.clock.advance(Duration.ofSeconds(1));

    f.messenger.refuseNextSend(chat("501"), new SendOutcome.RecipientBlocked());
    otherInstance.deliver(text(ivan, "Второе"));

    assertThat(noticesInLine()).hasSize(1);
    assertThat(f.accounts.find(ivan.id()).orElseThrow().blockedSince())
        .as("the first block's time stays")
        .contains(f.clock.instant().minusSeconds(1));
  }

  @Test
  void aUserWhoBlocksAgainAfterUnblockingIsToldAboutAgain() {
    f.messenger.refuseNextSend(chat("501"), new SendOutcome.RecipientBlocked());
    f.delivering.deliver(text(ivan, "Первое"));
    f.accounts.update(f.accounts.find(ivan.id()).orElseThrow().unblocked());
    f.clock.advance(Duration.ofHours(1));

    f.messenger.refuseNextSend(chat("501"), new SendOutcome.RecipientBlocked());
    f.delivering.deliver(text(ivan, "Второе"));

    assertThat(noticesInLine()).hasSize(2);
  }

  @Test
  void aBannedUsersBlockIsRecordedThoughTheLineCannotBeTold() {
    f.platform.ban(ivan.platformUser());
    f.messenger.refuseNextSend(chat("501"), new SendOutcome.RecipientBlocked());

    f.delivering.deliver(text(ivan, "Первое"));

    assertThat(f.platform.deliveries()).isEmpty();
    assertThat(f.accounts.find(ivan.id()).orElseThrow().isBlocked()).isTrue();
    assertThat(dropReasons()).containsExactly(DropReason.BOT_BLOCKED);
  }

  @Test
  void aMessageToAGroupTheBotLeftIsDroppedWithoutCallingTheMessenger() {
    ChannelAccount group = account("acc-group", "-300", ChatKind.GROUP);
    f.accounts.update(group.leftAt(f.clock.instant()));

    f.delivering.deliver(text(group, "Ау"));
    f.delivering.deliver(text(group, "Ау-ау"));

    assertThat(f.messenger.sent()).isEmpty();
    assertThat(dropReasons()).containsExactly(DropReason.BOT_BLOCKED, DropReason.BOT_BLOCKED);
    assertThat(noticesInLine())
        .singleElement()
        .satisfies(
            notice -> assertThat(((LinePost.Text) notice).text()).contains("удалён из группы"));
  }

  // --- migration, token, rate limits
  // ------------------------------------------------------------------

  @Test
  void aMigratedGroupIsReKeyedAndTheSamePostGoesToTheNewChatOnce() {
    ChannelAccount group = account("acc-group", "-300", ChatKind.GROUP);
    f.messenger.refuseNextSend(chat("-300"), new SendOutcome.ChatMoved(chat("-100300")));

    f.delivering.deliver(text(group, "Счёт готов"));

    assertThat(f.accounts.find(group.id()).orElseThrow().chat()).isEqualTo(chat("-100300"));
    assertThat(f.messenger.sentTo(chat("-100300")))
        .singleElement()
        .satisfies(
            sent ->
                assertThat(sent.post())
                    .isEqualTo(new ChannelPost.Text("Счёт готов", Keyboard.UNCHANGED)));
    assertThat(f.messenger.sentTo(chat("-300"))).isEmpty();
  }

  @Test
  void aGroupBlockedRightAfterMigratingKeepsItsNewChatId() {
    ChannelAccount group = account("acc-group", "-300", ChatKind.GROUP);
    f.messenger.refuseNextSend(chat("-300"), new SendOutcome.ChatMoved(chat("-100300")));
    f.messenger.refuseNextSend(chat("-100300"), new SendOutcome.RecipientBlocked());

    f.delivering.deliver(text(group, "Счёт готов"));

    ChannelAccount stored = f.accounts.find(group.id()).orElseThrow();
    assertThat(stored.chat()).isEqualTo(chat("-100300"));
    assertThat(stored.isBlocked()).isTrue();
  }

  @Test
  void aRevokedTokenMarksTheConnectionAndIsRethrown() {
    f.messenger.failNextSend(chat("501"), new InvalidBotToken("Unauthorized"));

    assertThatThrownBy(() -> f.delivering.deliver(text(ivan, "Ау")))
        .isInstanceOf(InvalidBotToken.class);

    assertThat(f.connections.find(connection.id()).orElseThrow().state())
        .isEqualTo(ConnectionState.TOKEN_REVOKED);
  }

  @Test
  void aRateLimitIsRethrownForTheQueueToWait() {
    f.messenger.failNextSend(chat("501"), new RateLimited(Duration.ofSeconds(7)));

    assertThatThrownBy(() -> f.delivering.deliver(text(ivan, "Ау")))
        .isInstanceOfSatisfying(
            RateLimited.class, limited -> assertThat(limited.retryAfter()).hasSeconds(7));
    assertThat(f.logs.dropped()).isEmpty();
    assertThat(f.accounts.find(ivan.id()).orElseThrow().isBlocked()).isFalse();
  }

  @Test
  void aSendOnADisconnectedConnectionIsDropped() {
    f.connections.update(connection.disconnected(f.clock.instant()));

    f.delivering.deliver(text(ivan, "Ау"));

    assertThat(f.messenger.sent()).isEmpty();
    assertThat(dropReasons()).containsExactly(DropReason.DISCONNECTED);
  }
}
