package io.omnichannel.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnichannel.core.domain.ChannelPost;
import io.omnichannel.core.domain.ChatId;
import io.omnichannel.core.domain.Connection;
import io.omnichannel.core.domain.Keyboard;
import io.omnichannel.core.domain.failure.RateLimited;
import io.omnichannel.core.port.out.MessengerChannel;
import io.omnichannel.testkit.telegram.BotInfo;
import io.omnichannel.testkit.telegram.GroupScenario;
import io.omnichannel.testkit.telegram.GroupSpec;
import io.omnichannel.testkit.telegram.RateLimits;
import io.omnichannel.testkit.telegram.SentMessage;
import io.omnichannel.testkit.telegram.TelegramEmulatorConfig;
import io.omnichannel.testkit.telegram.UserSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * B2 against the emulator's exact 429 accounting, both sides' windows scaled by the same factor
 * (the ratios of Telegram's limits kept, the minutes shrunk to about a second).
 */
class PacingTest {
  private static final double SCALE = 0.02;
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final World world =
      new World(TelegramEmulatorConfig.defaults().withRateLimits(RateLimits.real().scaled(SCALE)));
  private final MessengerChannel channel =
      world
          .telegram(
              world
                  .config(TelegramConfig.ReceiveMode.WEBHOOK)
                  .withPacing(TelegramConfig.Pacing.telegram().scaled(SCALE)))
          .messengerChannel();
  private final BotInfo bot = world.newBot();
  private final Connection connection = world.connect(bot);

  @AfterEach
  void close() throws Exception {
    world.close();
  }

  private void send(long chat, String text) {
    channel.send(
        connection,
        new ChatId(Long.toString(chat)),
        new ChannelPost.Text(text, Keyboard.UNCHANGED));
  }

  @Test
  void aBurstOf300MessagesTo30ChatsAnd100IntoOneGroupMeetsNo429AndKeepsEachChatsOrder()
      throws Exception {
    List<Long> users = IntStream.rangeClosed(1, 30).mapToObj(i -> 1000L + i).toList();
    users.forEach(
        id -> world.emulator.bot(bot.token()).user(UserSpec.of(id, "User" + id)).sendsText("hi"));
    GroupScenario group = world.emulator.bot(bot.token()).group(new GroupSpec(-4242L, "Team"));
    group.addsBotAsAdministrator(UserSpec.of(1001L, "User1001"));

    ExecutorService workers = Executors.newFixedThreadPool(31);
    List<Future<?>> done = new ArrayList<>();
    for (long user : users) {
      done.add(
          workers.submit(() -> IntStream.range(0, 10).forEach(i -> send(user, user + "#" + i))));
    }
    done.add(
        workers.submit(
            () -> IntStream.range(0, 100).forEach(i -> send(group.chatId(), "group#" + i))));
    for (Future<?> each : done) {
      each.get();
    }
    workers.shutdown();

    for (long user : users) {
      assertThat(world.emulator.awaitSent(bot.token(), user, 10, WAIT))
          .extracting(SentMessage::text)
          .containsExactlyElementsOf(IntStream.range(0, 10).mapToObj(i -> user + "#" + i).toList());
    }
    assertThat(world.emulator.awaitSent(bot.token(), group.chatId(), 100, WAIT))
        .extracting(SentMessage::text)
        .containsExactlyElementsOf(IntStream.range(0, 100).mapToObj(i -> "group#" + i).toList());
    assertThat(world.emulator.tooManyRequestsCount(bot.token())).isZero();
  }

  @Test
  void a429PausesTheWholeBotForItsRetryAfter() {
    world.emulator.bot(bot.token()).user(UserSpec.of(1L, "A")).sendsText("hi");
    world.emulator.bot(bot.token()).user(UserSpec.of(2L, "B")).sendsText("hi");
    world.emulator.failNext(bot.token(), "sendMessage", 429, "Too Many Requests: retry after 1");

    assertThatThrownBy(() -> send(1L, "refused")).isInstanceOf(RateLimited.class);
    long started = System.nanoTime();
    send(2L, "to another chat");

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThan(Duration.ofMillis(900));
    assertThat(world.emulator.sentMessages(bot.token(), 2L))
        .extracting(SentMessage::text)
        .containsExactly("to another chat");
  }
}
