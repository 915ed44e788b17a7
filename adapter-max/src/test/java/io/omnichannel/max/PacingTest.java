package io.omnichannel.max;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.omnichannel.core.domain.BotId;
import io.omnichannel.core.domain.ChatId;
import io.omnichannel.core.domain.SendingWindow;
import io.omnichannel.core.domain.failure.AwaitingSlot;
import io.omnichannel.core.domain.failure.RateLimited;
import io.omnichannel.core.fakes.InMemorySendingBudget;
import io.omnichannel.core.fakes.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** B2 on MAX: 30 requests/s per bot, a conservative pace per chat, 429 honoured. */
class PacingTest {
  private final ManualClock clock = new ManualClock(Instant.parse("2026-12-07T06:00:00Z"));
  private final InMemorySendingBudget budget = new InMemorySendingBudget();
  private final Pacing pacing = new Pacing(budget, MaxConfig.Pacing.max(), clock);
  private final BotId bot = new BotId("555000");
  private final List<String> sent = new ArrayList<>();

  private void send(ChatId chat, String text) {
    pacing.send(bot, chat, Duration.ofSeconds(30), List.of(() -> sent.add(text)));
  }

  @Test
  void theWindowsAreTheBotsThirtyPerSecondAndTheChatsOwn() {
    List<SendingWindow> dialog = pacing.windows(bot, new ChatId("880001"));
    List<SendingWindow> group = pacing.windows(bot, new ChatId("-70801090403050"));

    assertThat(dialog.get(0)).isEqualTo(new SendingWindow("max:555000", 30, Duration.ofSeconds(1)));
    assertThat(dialog.get(1))
        .isEqualTo(new SendingWindow("max:555000:880001", 3, Duration.ofSeconds(3)));
    assertThat(group.get(1))
        .isEqualTo(new SendingWindow("max:555000:-70801090403050", 20, Duration.ofMinutes(1)));
  }

  @Test
  void aDialogTakesABurstOfThreeThenWaitsWithoutSending() {
    ChatId chat = new ChatId("880001");
    send(chat, "1");
    send(chat, "2");
    send(chat, "3");

    assertThatThrownBy(() -> send(chat, "4")).isInstanceOf(AwaitingSlot.class);
    assertThat(sent).containsExactly("1", "2", "3");
    send(new ChatId("880002"), "other chat");
    assertThat(sent).hasSize(4);
  }

  @Test
  void aBotSendsAtMostThirtyRequestsASecondAcrossChats() {
    for (int i = 0; i < 30; i++) {
      send(new ChatId(Integer.toString(900000 + i)), "m" + i);
    }

    AwaitingSlot waiting =
        catchThrowableOfType(AwaitingSlot.class, () -> send(new ChatId("999999"), "31st"));
    assertThat(waiting.senderOpenings())
        .as("the bot's own window is full: none of its chats can go before it opens")
        .isNotEmpty();
    // a second after the first send returned, and the budget's margin for clock steps
    assertThat(waiting.opensAt())
        .isBetween(clock.instant().plusSeconds(1), clock.instant().plusMillis(1_010));
    clock.advance(Duration.between(clock.instant(), waiting.opensAt()));
    send(new ChatId("999999"), "31st");
    assertThat(sent).hasSize(31);
  }

  @Test
  void a429ClosesTheBotsAndTheChatsWindowsForTheWaitMaxAskedFor() {
    ChatId chat = new ChatId("880001");

    assertThatThrownBy(
            () ->
                pacing.send(
                    bot,
                    chat,
                    Duration.ofSeconds(30),
                    List.of(
                        () -> {
                          throw new RateLimited(Duration.ofSeconds(5));
                        })))
        .isInstanceOf(RateLimited.class);

    assertThatThrownBy(() -> send(new ChatId("880002"), "elsewhere"))
        .isInstanceOf(AwaitingSlot.class);
    clock.advance(Duration.ofSeconds(6));
    send(new ChatId("880002"), "elsewhere");
    assertThat(sent).containsExactly("elsewhere");
  }
}
