package io.omnichannel.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.core.domain.ChannelLimits;
import io.omnichannel.core.domain.ChannelPost;
import io.omnichannel.core.domain.ChatId;
import io.omnichannel.core.domain.Connection;
import io.omnichannel.core.domain.Keyboard;
import io.omnichannel.core.domain.LimitCheck.FileKind;
import io.omnichannel.core.domain.LinkButton;
import io.omnichannel.core.domain.Menu;
import io.omnichannel.core.port.out.MessengerChannel;
import io.omnichannel.core.port.out.SendOutcome;
import io.omnichannel.testkit.telegram.BotInfo;
import io.omnichannel.testkit.telegram.RateLimits;
import io.omnichannel.testkit.telegram.SentMessage;
import io.omnichannel.testkit.telegram.TelegramEmulatorConfig;
import io.omnichannel.testkit.telegram.UserSpec;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Sending text, files, captions and keyboards through the emulator (limits off: pacing is tested
 * apart).
 */
class SendingTest {
  private static final UserSpec ALICE = UserSpec.of(42, "Alice");
  private static final ChatId CHAT = new ChatId("42");
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final World world =
      new World(TelegramEmulatorConfig.defaults().withRateLimits(RateLimits.off()));
  private final MessengerChannel channel =
      world.telegram(world.config(TelegramConfig.ReceiveMode.WEBHOOK)).messengerChannel();
  private final BotInfo bot = world.newBot();
  private final Connection connection = world.connect(bot);

  SendingTest() {
    world.emulator.bot(bot.token()).user(ALICE).sendsText("hi");
  }

  @AfterEach
  void close() throws Exception {
    world.close();
  }

  private List<SentMessage> awaitSent(int count) {
    return world.emulator.awaitSent(bot.token(), ALICE.id(), count, WAIT);
  }

  @Test
  void aShortTextGoesAsOneMessage() {
    channel.send(
        connection.botAccess(),
        CHAT,
        Optional.empty(),
        new ChannelPost.Text("Здравствуйте!", Keyboard.UNCHANGED));

    assertThat(awaitSent(1))
        .singleElement()
        .satisfies(
            sent -> {
              assertThat(sent.method()).isEqualTo("sendMessage");
              assertThat(sent.text()).isEqualTo("Здравствуйте!");
              assertThat(sent.replyMarkup()).isNull();
            });
  }

  @Test
  void aLongTextIsSplitBetweenWordsIntoMessagesOfAtMost4096() {
    StringBuilder text = new StringBuilder();
    int word = 0;
    while (text.length() < 10_000) {
      text.append("слово").append(word++).append(word % 7 == 0 ? "😀 " : " ");
    }
    String original = text.toString().strip();

    channel.send(
        connection.botAccess(),
        CHAT,
        Optional.empty(),
        new ChannelPost.Text(original, Keyboard.UNCHANGED));

    List<SentMessage> sent = awaitSent(3);
    assertThat(sent)
        .allSatisfy(
            message -> {
              assertThat(message.text().length()).isLessThanOrEqualTo(4096);
              assertThat(Character.isLowSurrogate(message.text().charAt(0))).isFalse();
              assertThat(
                      Character.isHighSurrogate(message.text().charAt(message.text().length() - 1)))
                  .isFalse();
            });
    assertThat(String.join(" ", sent.stream().map(SentMessage::text).toList())).isEqualTo(original);
  }

  @Test
  void oneHugeWordIsCutButNeverBetweenTheHalvesOfAnEmoji() {
    String emoji = "😀".repeat(3000);

    channel.send(
        connection.botAccess(),
        CHAT,
        Optional.empty(),
        new ChannelPost.Text(emoji, Keyboard.UNCHANGED));

    List<SentMessage> sent = awaitSent(2);
    assertThat(sent.get(0).text()).isEqualTo("😀".repeat(2048));
    assertThat(String.join("", sent.stream().map(SentMessage::text).toList())).isEqualTo(emoji);
  }

  @Test
  void aMenuBecomesAResizedReplyKeyboardItsRemovalARemoveAndALinkAnInlineUrlButton() {
    channel.send(
        connection.botAccess(),
        CHAT,
        Optional.empty(),
        new ChannelPost.Text("menu", new Keyboard.ShowMenu(Menu.column("Да", "Нет"))));
    channel.send(
        connection.botAccess(),
        CHAT,
        Optional.empty(),
        new ChannelPost.Text("no menu", Keyboard.REMOVE));
    channel.send(
        connection.botAccess(),
        CHAT,
        Optional.empty(),
        new ChannelPost.Text(
            "news",
            new Keyboard.Link(new LinkButton("Открыть", URI.create("https://example.com/news")))));

    List<SentMessage> sent = awaitSent(3);
    assertThat(sent.get(0).replyMarkup())
        .contains("\"keyboard\":[[{\"text\":\"Да\"}],[{\"text\":\"Нет\"}]]")
        .contains("\"resize_keyboard\":true");
    assertThat(sent.get(1).replyMarkup()).contains("\"remove_keyboard\":true");
    assertThat(sent.get(2).replyMarkup())
        .contains(
            "\"inline_keyboard\":[[{\"text\":\"Открыть\",\"url\":\"https://example.com/news\"}]]");
  }

  @Test
  void anImageGoesAsAPhotoStreamedWithItsCaption() {
    GeneratedFile image = new GeneratedFile(300_000);

    channel.send(
        connection.botAccess(),
        CHAT,
        Optional.empty(),
        new ChannelPost.File(
            FileKind.IMAGE,
            "pic.jpg",
            "image/jpeg",
            image.size,
            image,
            Optional.of("a picture"),
            Keyboard.UNCHANGED));

    assertThat(awaitSent(1))
        .singleElement()
        .satisfies(
            sent -> {
              assertThat(sent.method()).isEqualTo("sendPhoto");
              assertThat(sent.text()).isEqualTo("a picture");
              assertThat(sent.file().sha256()).isEqualTo(image.sha256());
            });
  }

  @Test
  void aCaptionOver1024GoesOnAsAFollowingTextWhichCarriesTheKeyboard() {
    GeneratedFile file = new GeneratedFile(1_000);
    String caption = "начало " + "x".repeat(600) + " " + "y".repeat(600) + " конец";

    channel.send(
        connection.botAccess(),
        CHAT,
        Optional.empty(),
        new ChannelPost.File(
            FileKind.FILE,
            "a.txt",
            "text/plain",
            file.size,
            file,
            Optional.of(caption),
            new Keyboard.ShowMenu(Menu.column("Ок"))));

    List<SentMessage> sent = awaitSent(2);
    assertThat(sent.get(0).method()).isEqualTo("sendDocument");
    assertThat(sent.get(0).text()).isEqualTo("начало " + "x".repeat(600));
    assertThat(sent.get(0).replyMarkup()).isNull();
    assertThat(sent.get(1).text()).isEqualTo("y".repeat(600) + " конец");
    assertThat(sent.get(1).replyMarkup()).contains("Ок");
  }

  @Test
  void a45MegabyteDocumentIsSentWhole() {
    GeneratedFile document = new GeneratedFile(45L * ChannelLimits.MEBIBYTE);

    channel.send(
        connection.botAccess(),
        CHAT,
        Optional.empty(),
        new ChannelPost.File(
            FileKind.FILE,
            "big.bin",
            "application/octet-stream",
            document.size,
            document,
            Optional.empty(),
            Keyboard.UNCHANGED));

    assertThat(awaitSent(1))
        .singleElement()
        .satisfies(
            sent -> {
              assertThat(sent.method()).isEqualTo("sendDocument");
              assertThat(sent.file().fileName()).isEqualTo("big.bin");
              assertThat(sent.file().size()).isEqualTo(document.size);
              assertThat(sent.file().sha256()).isEqualTo(document.sha256());
            });
  }

  @Test
  void a51MegabyteDocumentAndAn11MegabyteImageAreRefusedBeforeAnyCall() {
    GeneratedFile document = new GeneratedFile(51L * ChannelLimits.MEBIBYTE);
    GeneratedFile image = new GeneratedFile(11L * ChannelLimits.MEBIBYTE);

    assertThat(
            channel.send(
                connection.botAccess(),
                CHAT,
                Optional.empty(),
                new ChannelPost.File(
                    FileKind.FILE,
                    "huge.bin",
                    "application/octet-stream",
                    document.size,
                    document,
                    Optional.empty(),
                    Keyboard.UNCHANGED)))
        .isEqualTo(new SendOutcome.TooLarge());
    assertThat(
            channel.send(
                connection.botAccess(),
                CHAT,
                Optional.empty(),
                new ChannelPost.File(
                    FileKind.IMAGE,
                    "huge.jpg",
                    "image/jpeg",
                    image.size,
                    image,
                    Optional.empty(),
                    Keyboard.UNCHANGED)))
        .isEqualTo(new SendOutcome.TooLarge());

    assertThat(document.opened.get()).isZero();
    assertThat(image.opened.get()).isZero();
    assertThat(world.emulator.sentCount(bot.token(), ALICE.id())).isZero();
  }
}
