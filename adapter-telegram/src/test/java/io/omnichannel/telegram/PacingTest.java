package io.omnichannel.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnichannel.core.domain.ChannelPost;
import io.omnichannel.core.domain.ChatId;
import io.omnichannel.core.domain.Connection;
import io.omnichannel.core.domain.Keyboard;
import io.omnichannel.core.domain.failure.AwaitingSlot;
import io.omnichannel.core.domain.failure.RateLimited;
import io.omnichannel.core.port.out.MessengerChannel;
import io.omnichannel.core.port.out.SendOutcome;
import io.omnichannel.testkit.telegram.BotInfo;
import io.omnichannel.testkit.telegram.RateLimits;
import io.omnichannel.testkit.telegram.SentMessage;
import io.omnichannel.testkit.telegram.TelegramEmulatorConfig;
import io.omnichannel.testkit.telegram.UserSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * B2 against the emulator's exact 429 accounting, both sides' windows scaled by the same factor: a
 * send either takes its slots in the shared budget or sends nothing and says when they open; no
 * call waits.
 */
class PacingTest {
  private static final double SCALE = 0.2;

  private final World world =
      new World(TelegramEmulatorConfig.defaults().withRateLimits(RateLimits.real().scaled(SCALE)));
  private final TelegramConfig config =
      world
          .config(TelegramConfig.ReceiveMode.WEBHOOK)
          .withPacing(TelegramConfig.Pacing.telegram().scaled(SCALE));
  private final MessengerChannel channel = world.telegram(config).messengerChannel();
  private final BotInfo bot = world.newBot();
  private final Connection connection = world.connect(bot);

  @AfterEach
  void close() throws Exception {
    world.close();
  }

  private static void send(
      MessengerChannel through, Connection connection, long chat, String text) {
    through.send(
        connection.botAccess(),
        new ChatId(Long.toString(chat)),
        Optional.empty(),
        new ChannelPost.Text(text, Keyboard.UNCHANGED));
  }

  private void user(long id) {
    world.emulator.bot(bot.token()).user(UserSpec.of(id, "User" + id)).sendsText("hi");
  }

  @Test
  void aChatsFourthMessageInsideItsBurstWindowSendsNothingAndSaysWhenItsSlotOpens() {
    user(7L);
    for (int i = 1; i <= 3; i++) {
      send(channel, connection, 7L, "burst " + i);
    }
    Instant before = Instant.now();

    assertThatThrownBy(() -> send(channel, connection, 7L, "one too many"))
        .isInstanceOfSatisfying(
            AwaitingSlot.class,
            waiting ->
                assertThat(waiting.opensAt())
                    .isAfter(before)
                    .isBefore(before.plus(Duration.ofMillis(3 * 200 + 100))));
    assertThat(world.emulator.sentMessages(bot.token(), 7L))
        .extracting(SentMessage::text)
        .containsExactly("burst 1", "burst 2", "burst 3");
    assertThat(world.emulator.tooManyRequestsCount(bot.token())).isZero();
  }

  @Test
  void aSendThatEmptiesAPrivateChatsBucketSaysWhenTheChatsNextMessageMayGo() {
    user(8L);
    List<SendOutcome> outcomes = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      outcomes.add(
          channel.send(
              connection.botAccess(),
              new ChatId("8"),
              Optional.empty(),
              new ChannelPost.Text("burst " + i, Keyboard.UNCHANGED)));
    }
    Instant third = Instant.now();

    assertThat(outcomes.subList(0, 2))
        .as("room left in the burst: nothing to hold back")
        .containsOnly(SendOutcome.SENT);
    SendOutcome last = outcomes.get(2);
    assertThat(last).isInstanceOf(SendOutcome.Sent.class);
    Instant opens = ((SendOutcome.Sent) last).chatOpensAt().orElseThrow();
    assertThat(opens)
        .as("a refill (200 ms scaled) after the third send ended")
        .isAfter(third)
        .isBefore(third.plus(Duration.ofMillis(200 + 100)));
    assertThatThrownBy(() -> send(channel, connection, 8L, "before it opens"))
        .isInstanceOfSatisfying(
            AwaitingSlot.class, waiting -> assertThat(waiting.opensAt()).isEqualTo(opens));
  }

  @Test
  void twoInstancesSharingTheBudgetShareOneBotWindow() throws Exception {
    // the bot's second stretched to ten, so that thirty sends surely fit in its window
    double slow = 10;
    try (World shared =
        new World(
            TelegramEmulatorConfig.defaults().withRateLimits(RateLimits.real().scaled(slow)))) {
      TelegramConfig stretched =
          shared
              .config(TelegramConfig.ReceiveMode.WEBHOOK)
              .withPacing(TelegramConfig.Pacing.telegram().scaled(slow));
      MessengerChannel one = shared.telegram(stretched).messengerChannel();
      MessengerChannel other = shared.telegram(stretched).messengerChannel();
      BotInfo busy = shared.newBot();
      Connection busyConnection = shared.connect(busy);
      LongStream.rangeClosed(1, 31)
          .forEach(
              id ->
                  shared
                      .emulator
                      .bot(busy.token())
                      .user(UserSpec.of(id, "U" + id))
                      .sendsText("hi"));
      for (long chat = 1; chat <= 30; chat++) {
        send(chat % 2 == 0 ? one : other, busyConnection, chat, "to " + chat);
      }

      assertThatThrownBy(() -> send(other, busyConnection, 31L, "the bot's 31st in its second"))
          .isInstanceOf(AwaitingSlot.class);
      assertThatThrownBy(() -> send(one, busyConnection, 31L, "the bot's 31st in its second"))
          .isInstanceOf(AwaitingSlot.class);
      assertThat(shared.emulator.sentMessages(busy.token(), 31L)).isEmpty();
      assertThat(shared.emulator.sentMessages(busy.token(), 30L)).hasSize(1);
      assertThat(shared.emulator.tooManyRequestsCount(busy.token())).isZero();
    }
  }

  @Test
  void a429ClosesTheBotsWindowsForItsRetryAfterWithoutAnyCallWaiting() {
    user(1L);
    user(2L);
    world.emulator.failNext(bot.token(), "sendMessage", 429, "Too Many Requests: retry after 1");

    assertThatThrownBy(() -> send(channel, connection, 1L, "refused"))
        .isInstanceOfSatisfying(
            RateLimited.class,
            limited -> assertThat(limited.retryAfter()).isEqualTo(Duration.ofSeconds(1)));
    Instant refusedBy = Instant.now();
    long started = System.nanoTime();
    assertThatThrownBy(() -> send(channel, connection, 2L, "to another chat"))
        .isInstanceOfSatisfying(
            AwaitingSlot.class,
            waiting ->
                assertThat(waiting.opensAt()).isAfter(refusedBy.plus(Duration.ofMillis(900))));

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(500));
    assertThat(world.emulator.sentMessages(bot.token(), 2L)).isEmpty();
  }
}
