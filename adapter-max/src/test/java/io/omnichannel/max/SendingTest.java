package io.omnichannel.max;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnichannel.core.domain.BotToken;
import io.omnichannel.core.domain.ChannelPost;
import io.omnichannel.core.domain.ChatId;
import io.omnichannel.core.domain.Connection;
import io.omnichannel.core.domain.Keyboard;
import io.omnichannel.core.domain.LimitCheck.FileKind;
import io.omnichannel.core.domain.LinkButton;
import io.omnichannel.core.domain.Menu;
import io.omnichannel.core.domain.failure.ChannelUnavailable;
import io.omnichannel.core.domain.failure.InvalidBotToken;
import io.omnichannel.core.domain.failure.RateLimited;
import io.omnichannel.core.port.out.MessengerChannel;
import io.omnichannel.core.port.out.SendOutcome;
import io.omnichannel.testkit.max.MaxBotInfo;
import io.omnichannel.testkit.max.MaxButton;
import io.omnichannel.testkit.max.MaxDialogScenario;
import io.omnichannel.testkit.max.MaxEmulatorConfig;
import io.omnichannel.testkit.max.MaxSentAttachment;
import io.omnichannel.testkit.max.MaxSentMessage;
import io.omnichannel.testkit.max.MaxUser;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Sending to MAX through the emulator: texts, menus, links, the upload flow and its errors. */
class SendingTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final MaxUser ALICE = MaxUser.of(42, "Alice", "Smith", "alice");

  private World world = new World();
  private Max max = world.max(world.config(MaxConfig.ReceiveMode.POLLING));
  private MessengerChannel channel = max.messengerChannel();
  private MaxBotInfo bot = world.newBot();
  private Connection connection = world.connect(bot);
  private MaxDialogScenario alice = world.emulator.bot(bot.token()).dialog(ALICE);

  @AfterEach
  void close() {
    world.close();
  }

  private void restart(MaxEmulatorConfig emulator) {
    world.close();
    world = new World(emulator);
    max = world.max(world.config(MaxConfig.ReceiveMode.POLLING));
    channel = max.messengerChannel();
    bot = world.newBot();
    connection = world.connect(bot);
    alice = world.emulator.bot(bot.token()).dialog(ALICE);
  }

  private SendOutcome send(ChatId chat, ChannelPost post) {
    return channel.send(connection.botAccess(), chat, Optional.empty(), post);
  }

  /** A send the emulator takes: its outcome must be {@link SendOutcome.Sent}. */
  private void sends(ChatId chat, ChannelPost post) {
    assertThat(send(chat, post)).isEqualTo(SendOutcome.SENT);
  }

  private ChatId chat() {
    return new ChatId(Long.toString(alice.chatId()));
  }

  private List<MaxSentMessage> awaitSent(int count) {
    return world.emulator.awaitSent(bot.token(), alice.chatId(), count, WAIT);
  }

  private static ChannelPost.File file(
      FileKind kind, String name, String mime, byte[] bytes, String caption, Keyboard keyboard) {
    return new ChannelPost.File(
        kind,
        name,
        mime,
        bytes.length,
        () -> new ByteArrayInputStream(bytes),
        Optional.ofNullable(caption),
        keyboard);
  }

  private static byte[] bytes(int size) {
    byte[] bytes = new byte[size];
    for (int i = 0; i < size; i++) {
      bytes[i] = (byte) (i * 31 + 7);
    }
    return bytes;
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  @Test
  void identifyAnswersTheBotsIdUsernameAndName() {
    var profile = channel.identify(BotToken.of(bot.token()));

    assertThat(profile.id().value()).isEqualTo(Long.toString(bot.userId()));
    assertThat(profile.username()).isEqualTo(bot.username());
    assertThat(profile.displayName()).isEqualTo(bot.name());
  }

  @Test
  void anUnknownOrRevokedTokenIsInvalidBotToken() {
    assertThatThrownBy(() -> channel.identify(BotToken.of("123:" + "Q".repeat(35))))
        .isInstanceOf(InvalidBotToken.class);
    world.emulator.revokeToken(bot.token());
    assertThatThrownBy(() -> channel.identify(BotToken.of(bot.token())))
        .isInstanceOf(InvalidBotToken.class)
        .hasMessageNotContaining(bot.token());
  }

  @Test
  void aTextArrivesInTheDialog() {
    alice.startsBot();

    sends(chat(), new ChannelPost.Text("Здравствуйте, Алиса!", Keyboard.UNCHANGED));

    assertThat(awaitSent(1))
        .singleElement()
        .satisfies(
            sent -> {
              assertThat(sent.text()).isEqualTo("Здравствуйте, Алиса!");
              assertThat(sent.buttons()).isEmpty();
            });
  }

  @Test
  void aLongTextArrivesInPartsOfAtMost4000WithTheMenuUnderTheLast() {
    alice.startsBot();
    String text = ("Длинный ответ специалиста. ").repeat(400).strip();

    sends(chat(), new ChannelPost.Text(text, new Keyboard.ShowMenu(Menu.column("Да"))));

    List<MaxSentMessage> sent = awaitSent(3);
    assertThat(sent).allSatisfy(part -> assertThat(part.text().length()).isLessThanOrEqualTo(4000));
    assertThat(String.join(" ", sent.stream().map(MaxSentMessage::text).toList())).isEqualTo(text);
    assertThat(sent.get(0).buttons()).isEmpty();
    assertThat(sent.get(2).allButtons()).extracting(MaxButton::text).containsExactly("Да");
  }

  @Test
  void aMenuArrivesAsMessageButtonsRowByRow() {
    alice.startsBot();
    Menu menu = Menu.column("Да", "Нет", "Позвать специалиста");

    sends(chat(), new ChannelPost.Text("Выберите:", new Keyboard.ShowMenu(menu)));

    MaxSentMessage sent = awaitSent(1).get(0);
    assertThat(sent.buttons()).hasSize(3);
    assertThat(sent.allButtons()).extracting(MaxButton::type).containsOnly("message");
    assertThat(sent.allButtons()).extracting(MaxButton::text).isEqualTo(menu.buttonTexts());
  }

  @Test
  void aLinkButtonArrivesUnderTheMessage() {
    alice.startsBot();

    sends(
        chat(),
        new ChannelPost.Text(
            "Акция",
            new Keyboard.Link(
                new LinkButton("Подробнее", URI.create("https://example.org/sale")))));

    assertThat(awaitSent(1).get(0).allButtons())
        .containsExactly(new MaxButton("link", "Подробнее", null, "https://example.org/sale"));
  }

  @Test
  void anImageGoesByTheUploadFlowWithItsCaption() throws Exception {
    alice.startsBot();
    byte[] image = bytes(70_001);

    sends(
        chat(),
        file(
            FileKind.IMAGE,
            "photo.png",
            "image/png",
            image,
            "Скриншот ошибки",
            Keyboard.UNCHANGED));

    MaxSentMessage sent = awaitSent(1).get(0);
    assertThat(sent.text()).isEqualTo("Скриншот ошибки");
    MaxSentAttachment attachment = sent.attachments().get(0);
    assertThat(attachment.type()).isEqualTo("image");
    assertThat(attachment.size()).isEqualTo(image.length);
    assertThat(attachment.sha256()).isEqualTo(sha256(image));
  }

  @Test
  void aFileGoesByTheUploadFlowWithItsNameAndAMenu() throws Exception {
    alice.startsBot();
    byte[] pdf = bytes(123_457);

    sends(
        chat(),
        file(
            FileKind.FILE,
            "Счёт 42.pdf",
            "application/pdf",
            pdf,
            null,
            new Keyboard.ShowMenu(Menu.column("Спасибо"))));

    MaxSentMessage sent = awaitSent(1).get(0);
    assertThat(sent.text()).isNull();
    assertThat(sent.attachments())
        .singleElement()
        .satisfies(
            attachment -> {
              assertThat(attachment.type()).isEqualTo("file");
              assertThat(attachment.fileName()).isEqualTo("Счёт 42.pdf");
              assertThat(attachment.sha256()).isEqualTo(sha256(pdf));
            });
    assertThat(sent.allButtons()).extracting(MaxButton::text).containsExactly("Спасибо");
  }

  @Test
  void aFileNotReadyYetIsTriedAgainUntilMaxTakesIt() {
    restart(MaxEmulatorConfig.forTests().withAttachmentNotReadyFor(Duration.ofMillis(120)));
    alice.startsBot();

    sends(
        chat(),
        file(FileKind.FILE, "a.txt", "text/plain", bytes(10), "готово", Keyboard.UNCHANGED));

    assertThat(awaitSent(1).get(0).attachments()).hasSize(1);
  }

  @Test
  void aFileStillNotReadyAfterTheWaitsFailsRetryably() {
    restart(MaxEmulatorConfig.forTests().withAttachmentNotReadyFor(Duration.ofMinutes(5)));
    alice.startsBot();

    assertThatThrownBy(
            () ->
                send(
                    chat(),
                    file(
                        FileKind.FILE, "a.txt", "text/plain", bytes(10), null, Keyboard.UNCHANGED)))
        .isInstanceOf(MaxErrors.AttachmentNotReady.class)
        .matches(failure -> ((MaxErrors.AttachmentNotReady) failure).retryable());
    assertThat(world.emulator.sentCount(bot.token(), alice.chatId())).isZero();
  }

  @Test
  void aFileOverTheOutboundLimitIsRefusedBeforeAnyUpload() {
    alice.startsBot();
    ChannelPost.File huge =
        new ChannelPost.File(
            FileKind.FILE,
            "big.bin",
            "application/octet-stream",
            60L << 20,
            () -> {
              throw new AssertionError("never read");
            },
            Optional.empty(),
            Keyboard.UNCHANGED);

    assertThat(send(chat(), huge)).isEqualTo(new SendOutcome.TooLarge());
    assertThat(world.emulator.sentCount(bot.token(), alice.chatId())).isZero();
  }

  @Test
  void aUserWhoStoppedTheBotIsRecipientBlocked() {
    alice.startsBot();
    alice.stopsBot();

    assertThat(send(chat(), new ChannelPost.Text("hi", Keyboard.UNCHANGED)))
        .isEqualTo(new SendOutcome.RecipientBlocked());
  }

  @Test
  void anUnknownChatIsChatNotFound() {
    assertThat(send(new ChatId("987654321"), new ChannelPost.Text("hi", Keyboard.UNCHANGED)))
        .isEqualTo(new SendOutcome.ChatNotFound());
  }

  @Test
  void serverErrorsAreUnavailableAndTooManyRequestsRateLimited() {
    alice.startsBot();
    ChannelPost.Text hi = new ChannelPost.Text("hi", Keyboard.UNCHANGED);

    world.emulator.failNext(bot.token(), "POST /messages", 503, "service.unavailable", "busy");
    assertThatThrownBy(() -> send(chat(), hi)).isInstanceOf(ChannelUnavailable.class);
    world.emulator.failNext(bot.token(), "POST /messages", 429, "too.many.requests", "slow down");
    assertThatThrownBy(() -> send(new ChatId("880099"), hi)).isInstanceOf(RateLimited.class);
  }
}
