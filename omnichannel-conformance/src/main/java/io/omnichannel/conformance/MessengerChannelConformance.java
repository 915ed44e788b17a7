package io.omnichannel.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnichannel.conformance.ChannelDriver.Delivered;
import io.omnichannel.conformance.ChannelDriver.TestBot;
import io.omnichannel.core.domain.ApiAccount;
import io.omnichannel.core.domain.Attachment;
import io.omnichannel.core.domain.BotProfile;
import io.omnichannel.core.domain.BotToken;
import io.omnichannel.core.domain.ChannelDescription;
import io.omnichannel.core.domain.ChannelEvent;
import io.omnichannel.core.domain.ChannelEvent.ChannelMessage;
import io.omnichannel.core.domain.ChannelEvent.Membership;
import io.omnichannel.core.domain.ChannelEvent.MembershipChanged;
import io.omnichannel.core.domain.ChannelKind;
import io.omnichannel.core.domain.ChannelLimits;
import io.omnichannel.core.domain.ChannelPost;
import io.omnichannel.core.domain.ChatId;
import io.omnichannel.core.domain.ChatKind;
import io.omnichannel.core.domain.CompanyId;
import io.omnichannel.core.domain.ConfirmationToken;
import io.omnichannel.core.domain.Connection;
import io.omnichannel.core.domain.ConnectionId;
import io.omnichannel.core.domain.ConnectionState;
import io.omnichannel.core.domain.Direction;
import io.omnichannel.core.domain.HookCredentials;
import io.omnichannel.core.domain.Keyboard;
import io.omnichannel.core.domain.LimitCheck.FileKind;
import io.omnichannel.core.domain.Line;
import io.omnichannel.core.domain.LineAvailability;
import io.omnichannel.core.domain.LineId;
import io.omnichannel.core.domain.Menu;
import io.omnichannel.core.domain.MessageContent;
import io.omnichannel.core.domain.RemoteFile;
import io.omnichannel.core.domain.Secret;
import io.omnichannel.core.domain.TechnicalClient;
import io.omnichannel.core.domain.TechnicalClientId;
import io.omnichannel.core.domain.failure.InvalidBotToken;
import io.omnichannel.core.port.out.ChannelHealth;
import io.omnichannel.core.port.out.MessengerChannel;
import io.omnichannel.core.port.out.SendOutcome;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The conformance kit of the channel SPI (B4): what the core relies on from every messenger
 * adapter, checked only through the core's ports ({@link MessengerChannel}, {@code
 * ChannelUpdateDecoder}) and a {@link ChannelDriver} the adapter's test implements for its own
 * messenger. See {@code CHANNELS.md}.
 *
 * <pre>{@code
 * class SignalChannelConformanceTest extends MessengerChannelConformance {
 *   @Override protected ChannelDriver createDriver() { return new SignalEmulatorDriver(); }
 * }
 * }</pre>
 */
@Timeout(60)
public abstract class MessengerChannelConformance {
  private static final Duration WAIT = Duration.ofSeconds(10);

  /** The driver under test. */
  protected ChannelDriver driver;

  /** {@code driver.channel()}. */
  protected MessengerChannel channel;

  /** A fresh driver (and messenger) for each test; closed after it. */
  protected abstract ChannelDriver createDriver();

  @BeforeEach
  final void startDriver() {
    driver = createDriver();
    channel = driver.channel();
  }

  @AfterEach
  final void closeDriver() {
    if (driver != null) {
      driver.close();
    }
  }

  @Test
  void kindIsAStableNonBlankName() {
    ChannelKind kind = channel.kind();

    assertThat(kind).isNotNull();
    assertThat(kind.displayName()).isNotBlank();
    assertThat(channel.kind()).isEqualTo(kind);
    assertThat(driver.channel().kind()).isEqualTo(new ChannelKind(kind.displayName()));
  }

  /**
   * The messenger describes itself consistently: its tokens pass its own format (and tell the id
   * {@code identify} answers, when the format says it tells one), its text limit is the one the
   * driver declares, its limits are within 1C-Connect's.
   */
  @Test
  void theDescriptionRecognisesTheMessengersOwnTokens() {
    ChannelDescription description = channel.describe();
    TestBot bot = driver.newBot();

    assertThat(description.kind()).isEqualTo(channel.kind());
    assertThat(description.tokenHint()).isNotBlank();
    assertThat(description.tokenFormat().parse(" " + bot.token().reveal() + "\n"))
        .as("a token the messenger issued, pasted with blanks around it")
        .contains(bot.token());
    description
        .tokenFormat()
        .botIdIn(bot.token())
        .ifPresent(id -> assertThat(id).isEqualTo(channel.identify(bot.token()).id()));
    assertThat(description.abilities().maxTextLength()).isEqualTo(driver.maxTextLength());
    for (Direction direction : Direction.values()) {
      for (FileKind kind : FileKind.values()) {
        assertThat(description.limits().maxBytes(direction, kind))
            .isPositive()
            .isLessThanOrEqualTo(ChannelLimits.ONE_C_CONNECT.maxBytes(direction, kind));
      }
    }
  }

  @Test
  void identifyingAValidTokenAnswersTheBotsIdUsernameAndName() {
    TestBot bot = driver.newBot();

    BotProfile profile = channel.identify(bot.token());

    assertThat(profile.id().value()).isNotBlank();
    assertThat(profile.username()).isEqualTo(bot.username());
    assertThat(profile.displayName()).isEqualTo(bot.displayName());
    assertThat(channel.identify(bot.token()).id())
        .as("the same bot keeps its id")
        .isEqualTo(profile.id());
    assertThat(channel.identify(driver.newBot().token()).id())
        .as("another bot has another id")
        .isNotEqualTo(profile.id());
  }

  @Test
  void identifyingAnUnknownTokenFailsWithInvalidBotToken() {
    BotToken unknown = driver.unknownToken();

    assertThatThrownBy(() -> channel.identify(unknown)).isInstanceOf(InvalidBotToken.class);
  }

  @Test
  void identifyingARevokedTokenFailsWithInvalidBotToken() {
    BotToken revoked = driver.revokedToken();

    assertThatThrownBy(() -> channel.identify(revoked)).isInstanceOf(InvalidBotToken.class);
  }

  @Test
  void aUsersTextDecodesToAPrivateMessageWithTheTextAndTheSendersName() {
    BotToken bot = driver.newBot().token();
    String text = "Здравствуйте!\nВопрос по заказу №42 😀";

    ChannelEvent event = driver.decoder().decode(driver.userSendsText(bot, text));

    assertThat(event).isInstanceOf(ChannelMessage.class);
    ChannelMessage message = (ChannelMessage) event;
    assertThat(message.kind()).isEqualTo(ChatKind.PRIVATE);
    assertThat(message.chat()).isEqualTo(driver.userChat(bot));
    assertThat(message.chatTitle()).isEmpty();
    assertThat(message.sender().displayName()).isEqualTo(driver.userDisplayName());
    assertThat(message.content()).isEqualTo(new MessageContent.Text(text));
  }

  @Test
  void aGroupMessageDecodesToAGroupMessageWithTheMembersName() {
    BotToken bot = driver.newBot().token();
    ChatId group = driver.groupChat(bot);
    String text = "Коллеги, кто отвечает за доставку?";

    ChannelEvent event = driver.decoder().decode(driver.memberSendsTextInGroup(bot, text));

    assertThat(event).isInstanceOf(ChannelMessage.class);
    ChannelMessage message = (ChannelMessage) event;
    assertThat(message.kind()).isEqualTo(ChatKind.GROUP);
    assertThat(message.chat()).isEqualTo(group).isNotEqualTo(driver.userChat(bot));
    assertThat(message.sender().displayName()).isEqualTo(driver.groupMemberDisplayName());
    assertThat(message.content()).isEqualTo(new MessageContent.Text(text));
  }

  /**
   * F10: a group's account is named after the group's title, which the group's messages carry or
   * the channel tells when asked (as MAX must: its messages carry none).
   */
  @Test
  void aGroupsTitleComesWithItsMessagesOrFromTheChannel() {
    Fixture fixture = new Fixture();
    ChatId group = driver.groupChat(fixture.bot);

    ChannelEvent event =
        driver.decoder().decode(driver.memberSendsTextInGroup(fixture.bot, "Кто на связи?"));

    assertThat(event).isInstanceOf(ChannelMessage.class);
    Optional<String> title =
        ((ChannelMessage) event)
            .chatTitle()
            .or(() -> channel.groupTitle(fixture.connection.botAccess(), group));
    assertThat(title).contains(driver.groupTitle());
  }

  /**
   * A messenger may deliver an update twice (a webhook retried, a poll repeated). The port keeps no
   * de-duplication key of its own (the adapter's inbound side stores the update under the
   * messenger's id), so what the kit checks is that the decoder is pure: the same payload decodes
   * to the same event, however often it is decoded.
   */
  @Test
  void theSameUpdateDecodedTwiceIsTheSameEvent() {
    BotToken bot = driver.newBot().token();
    String payload = driver.userSendsText(bot, "Повторная доставка");

    ChannelEvent first = driver.decoder().decode(payload);
    ChannelEvent second = driver.decoder().decode(payload);

    assertThat(second).isEqualTo(first);
    assertThat(driver.decoder().forChannel(channel.kind()).decode(payload)).isEqualTo(first);
  }

  @Test
  void aUsersFileDecodesToADocumentWithItsNameAndSize() {
    BotToken bot = driver.newBot().token();
    long size = 54_321;

    ChannelEvent event =
        driver.decoder().decode(driver.userSendsFile(bot, "Акт сверки.xlsx", size));

    assertThat(event).isInstanceOf(ChannelMessage.class);
    ChannelMessage message = (ChannelMessage) event;
    assertThat(message.chat()).isEqualTo(driver.userChat(bot));
    assertThat(message.sender().displayName()).isEqualTo(driver.userDisplayName());
    assertThat(message.content()).isInstanceOf(MessageContent.Document.class);
    Attachment file = ((MessageContent.Document) message.content()).file();
    assertThat(file.fileName()).isEqualTo("Акт сверки.xlsx");
    assertThat(file.sizeBytes()).as("the size the messenger declared").hasValue(size);
  }

  @Test
  void aUsersImageDecodesToAnImageWhoseRealSizeIsKnownBeforeAnyByte() throws IOException {
    Fixture fixture = new Fixture();
    long size = 98_765;

    ChannelEvent event = driver.decoder().decode(driver.userSendsImage(fixture.bot, size));

    assertThat(event).isInstanceOf(ChannelMessage.class);
    ChannelMessage message = (ChannelMessage) event;
    assertThat(message.chat()).isEqualTo(fixture.chat);
    assertThat(message.content()).isInstanceOf(MessageContent.Image.class);
    Attachment image = ((MessageContent.Image) message.content()).file();
    assertThat(image.fileName()).isNotBlank();
    image.sizeBytes().ifPresent(declared -> assertThat(declared).isEqualTo(size));
    RemoteFile remote = channel.fetchFile(fixture.connection.botAccess(), image.ref());
    assertThat(remote.sizeBytes())
        .as("the size is known before the stream is opened")
        .isEqualTo(size);
    try (InputStream in = remote.source().open()) {
      assertThat(in.transferTo(OutputStream.nullOutputStream())).isEqualTo(size);
    }
  }

  @Test
  void theUserBlockingTheBotDecodesToBlockedAndASendToThemIsRecipientBlocked() {
    Fixture fixture = new Fixture();

    ChannelEvent event = driver.decoder().decode(driver.userBlocksBot(fixture.bot));

    assertThat(event)
        .isEqualTo(
            new MembershipChanged(
                fixture.chat, ChatKind.PRIVATE, Optional.empty(), Membership.BLOCKED));
    assertThat(
            channel.send(
                fixture.connection.botAccess(),
                fixture.chat,
                Optional.empty(),
                new ChannelPost.Text("Вы ещё здесь?", Keyboard.UNCHANGED)))
        .isEqualTo(new SendOutcome.RecipientBlocked());
  }

  /**
   * The bot removed from a group decodes to leaving it (the group's account epoch ends), and a send
   * into the group afterwards is refused (the recipient blocked or the chat unknown), never Sent.
   */
  @Test
  void theBotRemovedFromAGroupDecodesToLeavingThatGroup() {
    BotToken bot = driver.newBot().token();
    Connection connection = connectionOf(bot);
    ChatId group = driver.groupChat(bot);

    ChannelEvent event = driver.decoder().decode(driver.botRemovedFromGroup(bot));

    assertThat(event).isInstanceOf(MembershipChanged.class);
    MembershipChanged change = (MembershipChanged) event;
    assertThat(change.chat()).isEqualTo(group);
    assertThat(change.kind()).isEqualTo(ChatKind.GROUP);
    assertThat(change.membership()).isEqualTo(Membership.LEFT);
    assertThat(
            channel.send(
                connection.botAccess(),
                group,
                Optional.empty(),
                new ChannelPost.Text("Есть кто-нибудь?", Keyboard.UNCHANGED)))
        .isIn(new SendOutcome.RecipientBlocked(), new SendOutcome.ChatNotFound());
  }

  @Test
  void aPayloadTheDecoderCannotReadIsAnIllegalArgument() {
    assertThatThrownBy(() -> driver.decoder().decode("this is not an update {"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aSentTextArrivesInTheChat() {
    Fixture fixture = new Fixture();

    SendOutcome outcome =
        channel.send(
            fixture.connection.botAccess(),
            fixture.chat,
            Optional.empty(),
            new ChannelPost.Text("Специалист ответит в течение часа.", Keyboard.UNCHANGED));

    assertThat(outcome).as("a message the chat took is Sent").isInstanceOf(SendOutcome.Sent.class);
    assertThat(fixture.awaitSent(1))
        .containsExactly(new Delivered("Специалист ответит в течение часа.", List.of()));
  }

  @Test
  void aTextOverTheChannelsLimitIsSplitWithoutLosingCharacters() {
    Fixture fixture = new Fixture();
    int max = driver.maxTextLength();
    StringBuilder text = new StringBuilder();
    for (int word = 0; text.length() < max * 5 / 2; word++) {
      text.append("слово")
          .append(word)
          .append(word % 7 == 0 ? "😀" : "")
          .append(word % 11 == 0 ? "\n" : " ");
    }
    String original = text.toString().strip();

    assertThat(
            channel.send(
                fixture.connection.botAccess(),
                fixture.chat,
                Optional.empty(),
                new ChannelPost.Text(original, Keyboard.UNCHANGED)))
        .isInstanceOf(SendOutcome.Sent.class);

    List<Delivered> sent = fixture.awaitSent(3);
    assertThat(sent).allSatisfy(part -> assertThat(part.text().length()).isLessThanOrEqualTo(max));
    String joined = String.join("", sent.stream().map(Delivered::text).toList());
    assertThat(withoutWhitespace(joined))
        .as("every character but the blanks at the cuts arrives, in order")
        .isEqualTo(withoutWhitespace(original));
  }

  @Test
  void aMenuArrivesAsButtons() {
    Fixture fixture = new Fixture();
    Menu menu = Menu.column("Да", "Нет", "Позвать специалиста");

    channel.send(
        fixture.connection.botAccess(),
        fixture.chat,
        Optional.empty(),
        new ChannelPost.Text("Выберите:", new Keyboard.ShowMenu(menu)));

    assertThat(fixture.awaitSent(1))
        .containsExactly(new Delivered("Выберите:", menu.buttonTexts()));
  }

  @Test
  void fetchFileReportsTheRealSizeBeforeAnyByteIsRead() throws IOException {
    Fixture fixture = new Fixture();
    long size = 123_457;
    ChannelEvent event =
        driver.decoder().decode(driver.userSendsFile(fixture.bot, "report.pdf", size));
    assertThat(event).isInstanceOf(ChannelMessage.class);
    Attachment attachment = attachmentOf(((ChannelMessage) event).content());

    RemoteFile remote = channel.fetchFile(fixture.connection.botAccess(), attachment.ref());

    assertThat(remote.sizeBytes())
        .as("the size is known before the stream is opened")
        .isEqualTo(size);
    try (InputStream in = remote.source().open()) {
      assertThat(in.transferTo(OutputStream.nullOutputStream()))
          .as("the bytes streamed afterwards")
          .isEqualTo(size);
    }
  }

  @Test
  void probeIsHealthyForAGoodTokenAndTokenRevokedAfterRevocation() {
    Fixture fixture = new Fixture();

    assertThat(channel.probe(fixture.connection.botAccess())).isEqualTo(ChannelHealth.HEALTHY);

    driver.revoke(fixture.bot);
    assertThat(channel.probe(fixture.connection.botAccess()))
        .isEqualTo(ChannelHealth.TOKEN_REVOKED);
  }

  private static Attachment attachmentOf(MessageContent content) {
    if (content instanceof MessageContent.Document document) {
      return document.file();
    }
    if (content instanceof MessageContent.Image image) {
      return image.file();
    }
    throw new AssertionError("a file message decodes to a Document or an Image, not " + content);
  }

  private static String withoutWhitespace(String text) {
    return text.codePoints()
        .filter(c -> !Character.isWhitespace(c))
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
        .toString();
  }

  /**
   * A bot connected to a line as the core stores it after the wizard, and a user who talked to it.
   */
  private final class Fixture {
    final BotToken bot;
    final Connection connection;
    final ChatId chat;

    Fixture() {
      this.bot = driver.newBot().token();
      this.connection = connectionOf(bot);
      this.chat = driver.userChat(bot);
    }

    List<Delivered> awaitSent(int count) {
      return driver.awaitSent(bot, chat, count, WAIT);
    }
  }

  /**
   * The connection the core would hold for the bot (identified through the channel, state ACTIVE).
   */
  protected final Connection connectionOf(BotToken token) {
    BotProfile profile = channel.identify(token);
    CompanyId company = new CompanyId("company-" + UUID.randomUUID());
    return new Connection(
        new ConnectionId(UUID.randomUUID().toString()),
        company,
        channel.kind(),
        new Line(
            new LineId("line-" + profile.id().value()),
            company,
            "Линия поддержки",
            LineAvailability.CLIENTS_AND_SPECIALISTS),
        profile,
        token,
        new TechnicalClient(
            new TechnicalClientId("tc-" + profile.id().value()),
            channel.kind().displayName() + ": " + profile.displayName()),
        new ApiAccount("api", Secret.of("api-secret")),
        ConfirmationToken.hashOf("webhook-secret"),
        new HookCredentials("hook", Secret.of("hook-secret")),
        ConnectionState.ACTIVE,
        Clock.systemUTC().instant(),
        Optional.empty());
  }
}
