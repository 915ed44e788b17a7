package io.omnichannel.telegram;

import io.omnichannel.core.domain.BotId;
import io.omnichannel.core.domain.ChatId;
import io.omnichannel.core.domain.SendingWindow;
import io.omnichannel.core.domain.SlotClaim;
import io.omnichannel.core.domain.SlotLanes;
import io.omnichannel.core.domain.failure.AwaitingSlot;
import io.omnichannel.core.domain.failure.RateLimited;
import io.omnichannel.core.port.out.SendingBudget;
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
  private final SendingBudget budget;
  private final TelegramConfig.Pacing pacing;
  private final Clock clock;

  SharedPacing(SendingBudget budget, TelegramConfig.Pacing pacing, Clock clock) {
    this.budget = budget;
    this.pacing = pacing;
    this.clock = clock;
  }

  /** Telegram's groups and supergroups have negative ids; private chats positive ones. */
  static boolean isGroup(ChatId chat) {
    return chat.value().startsWith("-");
  }

  /**
   * Runs the calls of one message (its parts) in one claim of {@code calls.size()} slots, so a
   * message never stops halfway for want of a slot.
   *
   * @param inFlight how long a call may take: its slots stay taken that long should this instance
   *     die before it returned
   * @return when the chat's next message may go, if its window is full after this one (a private
   *     chat's bucket emptied by a burst; a group's window is shared with other instances' sends
   *     this one does not see, so nothing is said of it)
   */
  Optional<Instant> send(BotId bot, ChatId chat, Duration inFlight, List<Runnable> calls) {
    List<SendingWindow> windows = windows(bot, chat);
    Instant now = clock.instant();
    SlotClaim claim = budget.claim(windows, calls.size(), now, now.plus(inFlight));
    if (claim instanceof SlotClaim.Wait wait) {
      throw new AwaitingSlot(wait.opensAt(), wait.firstOpensAt());
    }
    SlotClaim.Granted granted = (SlotClaim.Granted) claim;
    RateLimited limited = null;
    Instant ended = null;
    try {
      calls.forEach(Runnable::run);
    } catch (RateLimited tooMany) {
      limited = tooMany;
      throw tooMany;
    } finally {
      ended = clock.instant();
      budget.settle(granted, ended);
      if (limited != null) {
        budget.pauseUntil(windows, ended.plus(limited.retryAfter()));
      }
    }
    return chatOpensAt(granted, windows.get(1), ended);
  }

  /** When a private chat's bucket lets one more message go after this send, if not at once. */
  private static Optional<Instant> chatOpensAt(
      SlotClaim.Granted granted, SendingWindow chat, Instant ended) {
    if (chat.refill() != SendingWindow.Refill.TOKEN_BUCKET) {
      return Optional.empty();
    }
    return granted.slots().stream()
        .filter(slot -> slot.window().equals(chat))
        .map(slot -> SlotLanes.opensAt(chat, slot.afterSend(ended), 1))
        .filter(opens -> opens.isAfter(ended))
        .findFirst();
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
