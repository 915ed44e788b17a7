package io.omnichannel.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.omnichannel.core.domain.BotProfile;
import io.omnichannel.core.domain.BotToken;
import io.omnichannel.core.domain.ChannelPost;
import io.omnichannel.core.domain.ChatId;
import io.omnichannel.core.domain.Connection;
import io.omnichannel.core.domain.Keyboard;
import io.omnichannel.core.domain.failure.ChannelUnavailable;
import io.omnichannel.core.domain.failure.InvalidBotToken;
import io.omnichannel.core.domain.failure.RateLimited;
import io.omnichannel.core.port.out.ChannelHealth;
import io.omnichannel.core.port.out.MessengerChannel;
import io.omnichannel.core.port.out.SendOutcome;
import io.omnichannel.testkit.telegram.BotInfo;
import io.omnichannel.testkit.telegram.GroupScenario;
import io.omnichannel.testkit.telegram.GroupSpec;
import io.omnichannel.testkit.telegram.UserSpec;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Bot API client against the emulator: identify, the error decoder, and the token never shown.
 */
class ClientContractTest {
  private static final UserSpec ALICE = UserSpec.of(42, "Alice", "Smith", "alice");
  private static final UserSpec BOB = UserSpec.of(43, "Bob");

  private final World world = new World();
  private final MessengerChannel channel =
      world.telegram(world.config(TelegramConfig.ReceiveMode.WEBHOOK)).messengerChannel();
  private final BotInfo bot = world.newBot();
  private final Connection connection = world.connect(bot);
  private final List<Throwable> failures = new ArrayList<>();

  @AfterEach
  void close() throws Exception {
    world.close();
  }

  private SendOutcome sendText(long chat, String text) {
    return channel.send(
        connection.botAccess(),
        new ChatId(Long.toString(chat)),
        Optional.empty(),
        new ChannelPost.Text(text, Keyboard.UNCHANGED));
  }

  private Throwable failureOf(Runnable call) {
    Throwable thrown = catchThrowable(call::run);
    failures.add(thrown);
    return thrown;
  }

  @Test
  void identifyAnswersTheBotsIdUsernameAndName() {
    BotProfile profile = channel.identify(BotToken.of(bot.token()));

    assertThat(profile.id().value()).isEqualTo(Long.toString(bot.id()));
    assertThat(profile.username()).isEqualTo(bot.username());
    assertThat(profile.displayName()).isEqualTo(bot.firstName());
  }

  @Test
  void aWrongOrRevokedTokenIsAnInvalidBotTokenWhoseMessageNeverShowsTheToken() {
    BotToken unknown = BotToken.of(bot.id() + ":" + "A".repeat(35));
    assertThat(failureOf(() -> channel.identify(unknown))).isInstanceOf(InvalidBotToken.class);

    world.emulator.bot(bot.token()).user(ALICE).sendsText("hi");
    world.emulator.revokeToken(bot.token());
    assertThat(failureOf(() -> channel.identify(BotToken.of(bot.token()))))
        .isInstanceOf(InvalidBotToken.class);
    assertThat(failureOf(() -> sendText(ALICE.id(), "hello"))).isInstanceOf(InvalidBotToken.class);
    assertThat(channel.probe(connection.botAccess())).isEqualTo(ChannelHealth.TOKEN_REVOKED);

    assertNoTokenIn(failures, bot.token(), unknown.reveal());
  }

  @Test
  void aUserWhoBlockedTheBotIsBotBlockedByUser() {
    world.emulator.bot(bot.token()).user(ALICE).sendsText("hi");
    world.emulator.bot(bot.token()).user(ALICE).blocksBot();

    assertThat(sendText(ALICE.id(), "hello")).isEqualTo(new SendOutcome.RecipientBlocked());
    assertNoTokenIn(failures, bot.token());
  }

  @Test
  void aGroupTheBotWasKickedFromIsBotBlockedByUserAndAnUnknownChatIsChatNotFound() {
    GroupScenario group = world.emulator.bot(bot.token()).group(new GroupSpec(-100L, "Shop"));
    group.addsBotAsMember(ALICE);
    group.kicksBot(ALICE);

    assertThat(sendText(-100L, "hello")).isEqualTo(new SendOutcome.RecipientBlocked());
    assertThat(sendText(777L, "hello")).isEqualTo(new SendOutcome.ChatNotFound());
    assertNoTokenIn(failures, bot.token());
  }

  @Test
  void sendingToAMigratedGroupNamesTheSupergroup() {
    GroupScenario group = world.emulator.bot(bot.token()).group(new GroupSpec(-200L, "Team"));
    group.addsBotAsAdministrator(ALICE);
    GroupScenario supergroup = group.migrateToSupergroup(ALICE);

    assertThat(sendText(-200L, "hello"))
        .isEqualTo(new SendOutcome.ChatMoved(new ChatId(Long.toString(supergroup.chatId()))));
    sendText(supergroup.chatId(), "hello again");
    assertThat(world.emulator.awaitSent(bot.token(), supergroup.chatId(), 1, Duration.ofSeconds(5)))
        .extracting(sent -> sent.text())
        .containsExactly("hello again");
  }

  @Test
  void serverErrorsAndUnreachableApisAreRetryableChannelUnavailable() {
    world.emulator.bot(bot.token()).user(BOB).sendsText("hi");
    world.emulator.failNext(bot.token(), "sendMessage", 502, "Bad Gateway");

    Throwable serverError = failureOf(() -> sendText(BOB.id(), "hello"));
    assertThat(serverError).isInstanceOf(ChannelUnavailable.class);
    assertThat(((ChannelUnavailable) serverError).retryable()).isTrue();

    MessengerChannel unreachable =
        world
            .telegram(
                world
                    .config(TelegramConfig.ReceiveMode.WEBHOOK)
                    .withApiBaseUrl(URI.create("http://127.0.0.1:1")))
            .messengerChannel();
    assertThat(failureOf(() -> unreachable.identify(BotToken.of(bot.token()))))
        .isInstanceOf(ChannelUnavailable.class);
    assertThat(
            failureOf(
                () ->
                    unreachable.send(
                        connection.botAccess(),
                        new ChatId("43"),
                        Optional.empty(),
                        new ChannelPost.Text("x", Keyboard.UNCHANGED))))
        .isInstanceOf(ChannelUnavailable.class);

    assertNoTokenIn(failures, bot.token());
  }

  @Test
  void aDeactivatedUserIsBlockedAnd413IsContentTooLarge() {
    world.emulator.bot(bot.token()).user(BOB).sendsText("hi");
    world.emulator.failNext(bot.token(), "sendMessage", 403, "Forbidden: user is deactivated");
    world.emulator.failNext(bot.token(), "sendDocument", 413, "Request Entity Too Large");

    assertThat(sendText(BOB.id(), "hello")).isEqualTo(new SendOutcome.RecipientBlocked());
    GeneratedFile file = new GeneratedFile(1_000);
    assertThat(
            channel.send(
                connection.botAccess(),
                new ChatId("43"),
                Optional.empty(),
                new ChannelPost.File(
                    io.omnichannel.core.domain.LimitCheck.FileKind.FILE,
                    "a.bin",
                    "application/octet-stream",
                    file.size,
                    file,
                    java.util.Optional.empty(),
                    Keyboard.UNCHANGED)))
        .isEqualTo(new SendOutcome.TooLarge());
    assertNoTokenIn(failures, bot.token());
  }

  @Test
  void tooManyRequestsIsRateLimitedWithItsRetryAfter() {
    world.emulator.bot(bot.token()).user(BOB).sendsText("hi");
    world.emulator.failNext(bot.token(), "sendMessage", 429, "Too Many Requests: retry after 1");

    Throwable thrown = failureOf(() -> sendText(BOB.id(), "hello"));

    assertThat(thrown).isInstanceOf(RateLimited.class);
    assertThat(((RateLimited) thrown).retryAfter()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void theRedactionHidesEveryTokenInAText() {
    assertThat(Redaction.redact("POST http://x/bot" + bot.token() + "/getMe failed"))
        .isEqualTo("POST http://x/bot" + bot.id() + ":***/getMe failed");
    assertThatThrownBy(() -> channel.identify(BotToken.of(bot.id() + ":" + "B".repeat(35))))
        .hasMessageNotContaining("B".repeat(35));
  }

  static void assertNoTokenIn(List<Throwable> failures, String... tokens) {
    for (Throwable failure : failures) {
      StringWriter trace = new StringWriter();
      failure.printStackTrace(new PrintWriter(trace));
      for (String token : tokens) {
        String secretPart = token.substring(token.indexOf(':') + 1);
        assertThat(trace.toString())
            .as("stack trace of %s", failure.getClass().getSimpleName())
            .doesNotContain(secretPart);
      }
    }
  }
}
