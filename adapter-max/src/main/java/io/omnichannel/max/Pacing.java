package io.omnichannel.max;

import io.omnichannel.core.domain.BotId;
import io.omnichannel.core.domain.ChatId;
import io.omnichannel.core.domain.SendingWindow;
import io.omnichannel.core.domain.SlotClaim;
import io.omnichannel.core.domain.failure.AwaitingSlot;
import io.omnichannel.core.domain.failure.RateLimited;
import io.omnichannel.core.port.out.SendingBudget;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * B2 for every MAX bot, in the budget all instances share: a send takes its slots in the bot's
 * window (30 requests/s, MAX's documented limit) and in its chat's (a conservative guess: MAX
 * documents none), or nothing is sent and {@link AwaitingSlot} says when they open. A 429 closes
 * both windows for the wait MAX asked for (or {@link MaxErrors#DEFAULT_RETRY}).
 */
final class Pacing {
  private final SendingBudget budget;
  private final MaxConfig.Pacing limits;
  private final Clock clock;

  Pacing(SendingBudget budget, MaxConfig.Pacing limits, Clock clock) {
    this.budget = budget;
    this.limits = limits;
    this.clock = clock;
  }

  /** MAX's group chats have negative ids, dialogs positive ones. */
  static boolean isGroup(ChatId chat) {
    return chat.value().startsWith("-");
  }

  /**
   * Runs the requests of one message in one claim of {@code calls.size()} slots, so a message never
   * stops halfway for want of a slot.
   */
  void send(BotId bot, ChatId chat, Duration inFlight, List<Runnable> calls) {
    List<SendingWindow> windows = windows(bot, chat);
    Instant now = clock.instant();
    SlotClaim claim = budget.claim(windows, calls.size(), now, now.plus(inFlight));
    if (claim instanceof SlotClaim.Wait wait) {
      throw new AwaitingSlot(wait.opensAt());
    }
    RateLimited limited = null;
    try {
      calls.forEach(Runnable::run);
    } catch (RateLimited tooMany) {
      limited = tooMany;
      throw tooMany;
    } finally {
      Instant ended = clock.instant();
      budget.settle((SlotClaim.Granted) claim, ended);
      if (limited != null) {
        budget.pauseUntil(windows, ended.plus(limited.retryAfter()));
      }
    }
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
