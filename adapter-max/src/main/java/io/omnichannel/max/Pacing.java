package io.omnichannel.max;

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
 * B2 for every MAX bot, in the budget all instances share: a send takes its slots in the bot's
 * window (30 requests/s, MAX's documented limit) and in its chat's (a conservative guess: MAX
 * documents none), or nothing is sent and {@link AwaitingSlot} says when they open. A 429 closes
 * both windows for the wait MAX asked for (or {@link MaxErrors#DEFAULT_RETRY}).
 */
final class Pacing {
  private final BudgetedSends sends;
  private final MaxConfig.Pacing limits;

  Pacing(SendingBudget budget, MaxConfig.Pacing limits, Clock clock) {
    this.sends = new BudgetedSends(budget, clock);
    this.limits = limits;
  }

  /** MAX's group chats have negative ids, dialogs positive ones. */
  static boolean isGroup(ChatId chat) {
    return chat.value().startsWith("-");
  }

  /**
   * Runs the requests of one message in one claim of slots in the bot's and the chat's windows
   * ({@link BudgetedSends}).
   *
   * @return when the chat's next message may go, if its window is known full after this one
   */
  Optional<Instant> send(BotId bot, ChatId chat, Duration inFlight, List<Runnable> calls) {
    return sends.send(windows(bot, chat), inFlight, calls);
  }

  List<SendingWindow> windows(BotId bot, ChatId chat) {
    String botKey = "max:" + bot.value();
    SendingWindow whole = new SendingWindow(botKey, limits.botRequests(), limits.botWindow());
    SendingWindow ofChat =
        isGroup(chat)
            ? new SendingWindow(
                botKey + ":" + chat.value(), limits.groupMessages(), limits.groupWindow())
            : new SendingWindow(
                botKey + ":" + chat.value(),
                limits.dialogBurst(),
                limits.dialogInterval().multipliedBy(limits.dialogBurst()));
    // always the bot's window first: every claim locks windows in the same order
    return List.of(whole, ofChat);
  }
}
