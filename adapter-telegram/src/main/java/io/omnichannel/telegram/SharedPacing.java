package io.omnichannel.telegram;

import io.omnichannel.core.domain.BotId;
import io.omnichannel.core.domain.ChatId;
import io.omnichannel.core.domain.SendingWindow;
import io.omnichannel.core.port.out.SendingBudget;
import io.omnichannel.messenger.support.BudgetedSends;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * B2 for every bot, in the budget all instances share: a send takes its slots in the bot's window
 * and in its chat's window, or nothing is sent and {@link AwaitingSlot} says when they open (the
 * queue postpones the row to then; no thread waits). The bot's 30 per second and a group's 20 per
 * minute are sliding windows, a private chat a token bucket (a burst of 3, then one per second). A
 * slot counts from when its call returned, so the pacing holds whatever the network's delay. A 429
 * closes the bot's and the chat's windows for {@code retry_after}.
 */
final class SharedPacing {
  private final BudgetedSends sends;
  private final TelegramConfig.Pacing pacing;

  SharedPacing(SendingBudget budget, TelegramConfig.Pacing pacing, Clock clock) {
    this.sends = new BudgetedSends(budget, clock);
    this.pacing = pacing;
  }

  /** Telegram's groups and supergroups have negative ids; private chats positive ones. */
  static boolean isGroup(ChatId chat) {
    return chat.value().startsWith("-");
  }

  /**
   * Runs the calls of one message (its parts) in one claim of slots in the bot's and the chat's
   * windows ({@link BudgetedSends}).
   *
   * @return when the chat's next message may go, if its window is full after this one (a private
   *     chat's bucket emptied by a burst)
   */
  Optional<Instant> send(BotId bot, ChatId chat, Duration inFlight, List<Runnable> calls) {
    return sends.send(windows(bot, chat), inFlight, calls);
  }

  private List<SendingWindow> windows(BotId bot, ChatId chat) {
    String botKey = "telegram:" + bot.value();
    SendingWindow whole = new SendingWindow(botKey, pacing.botMessages(), pacing.botWindow());
    SendingWindow ofChat =
        isGroup(chat)
            ? new SendingWindow(
                botKey + ":" + chat.value(), pacing.groupMessages(), pacing.groupWindow())
            // Telegram's ≈1 per second, short bursts tolerated: a bucket, not «3 in any 3 s»
            : SendingWindow.tokenBucket(
                botKey + ":" + chat.value(), pacing.privateBurst(), pacing.privateInterval());
    // always the bot's window first: every claim locks windows in the same order
    return List.of(whole, ofChat);
  }
}
