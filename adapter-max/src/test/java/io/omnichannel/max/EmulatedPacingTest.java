package io.omnichannel.max;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.core.domain.ChannelPost;
import io.omnichannel.core.domain.ChatId;
import io.omnichannel.core.domain.Connection;
import io.omnichannel.core.domain.Keyboard;
import io.omnichannel.core.domain.failure.AwaitingSlot;
import io.omnichannel.core.port.out.MessengerChannel;
import io.omnichannel.core.port.out.SendOutcome;
import io.omnichannel.testkit.max.MaxBotInfo;
import io.omnichannel.testkit.max.MaxDialogScenario;
import io.omnichannel.testkit.max.MaxEmulatorConfig;
import io.omnichannel.testkit.max.MaxRateLimits;
import io.omnichannel.testkit.max.MaxUser;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Against an emulator that enforces MAX's 30 requests/s per bot: a burst of sends, postponed as the
 * core's queue would postpone them (to the moment {@link AwaitingSlot} names), never meets a 429.
 */
class EmulatedPacingTest {
  private final World world =
      new World(
          MaxEmulatorConfig.forTests()
              .withRateLimits(MaxRateLimits.real().withChatLimit(3, Duration.ofMillis(300))));
  private final MessengerChannel channel =
      world
          .max(
              world
                  .config(MaxConfig.ReceiveMode.POLLING)
                  .withPacing(
                      new MaxConfig.Pacing(
                          3,
                          Duration.ofMillis(100),
                          20,
                          Duration.ofSeconds(6),
                          30,
                          Duration.ofSeconds(1))))
          .messengerChannel();
  private final MaxBotInfo bot = world.newBot();
  private final Connection connection = world.connect(bot);

  @AfterEach
  void close() {
    world.close();
  }

  @Test
  void fortyFiveMessagesToManyChatsStayWithinThirtyASecond() {
    List<ChatId> chats = new ArrayList<>();
    for (int i = 0; i < 15; i++) {
      MaxDialogScenario dialog =
          world.emulator.bot(bot.token()).dialog(MaxUser.of(100 + i, "U" + i));
      dialog.startsBot();
      chats.add(new ChatId(Long.toString(dialog.chatId())));
    }
    long started = System.nanoTime();

    for (int i = 0; i < 45; i++) {
      ChannelPost.Text text = new ChannelPost.Text("сообщение " + i, Keyboard.UNCHANGED);
      sendPostponing(chats.get(i % chats.size()), text);
    }

    assertThat(world.emulator.tooManyRequestsCount(bot.token())).isZero();
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .as("45 requests at 30/s take over a second")
        .isGreaterThan(Duration.ofSeconds(1));
  }

  @Test
  void aDialogGetsAtMostItsBurstPerWindowWhateverTheSpeed() {
    MaxDialogScenario dialog = world.emulator.bot(bot.token()).dialog(MaxUser.of(99, "Alice"));
    dialog.startsBot();
    ChatId chat = new ChatId(Long.toString(dialog.chatId()));

    for (int i = 0; i < 9; i++) {
      sendPostponing(chat, new ChannelPost.Text("ответ " + i, Keyboard.UNCHANGED));
    }

    assertThat(world.emulator.sentCount(bot.token(), dialog.chatId())).isEqualTo(9);
    assertThat(world.emulator.tooManyRequestsCount(bot.token())).isZero();
  }

  /** As the core's queue does: a send told to wait is tried again when its slot opens. */
  private void sendPostponing(ChatId chat, ChannelPost post) {
    while (true) {
      try {
        assertThat(channel.send(connection.botAccess(), chat, Optional.empty(), post))
            .isEqualTo(SendOutcome.SENT);
        return;
      } catch (AwaitingSlot wait) {
        long nanos = Duration.between(Instant.now(), wait.opensAt()).toNanos();
        LockSupport.parkNanos(Math.max(1_000_000, nanos));
      }
    }
  }
}
