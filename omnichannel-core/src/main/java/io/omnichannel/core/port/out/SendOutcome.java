package io.omnichannel.core.port.out;

import io.omnichannel.core.domain.ChatId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What became of one message sent into a messenger's chat: sent, or one of the refusals the core
 * answers in its own way. Unavailability, rate limits and a rejected token are no outcome: they are
 * thrown ({@code ChannelUnavailable}, {@code RateLimited}, {@code AwaitingSlot}, {@code
 * InvalidBotToken}) for the queue to retry or the connection to be marked.
 */
public sealed interface SendOutcome {

  /**
   * The messenger took the message (all its parts). {@code chatOpensAt}: when the sender knows the
   * chat's sending window to be full after it, the moment the chat's next message may go — the
   * messages queued behind it wait until then without being tried.
   */
  record Sent(Optional<Instant> chatOpensAt) implements SendOutcome {
    public Sent {
      Objects.requireNonNull(chatOpensAt, "chatOpensAt");
    }

    /** Sent; the chat's next message may go no earlier than {@code at}. */
    public static Sent chatOpensAt(Instant at) {
      return new Sent(Optional.of(at));
    }
  }

  /** The user blocked the bot, or the bot was removed from the group (F11). */
  record RecipientBlocked() implements SendOutcome {}

  /** The messenger refuses the file as too large, whatever its declared size said. */
  record TooLarge() implements SendOutcome {}

  /** B8: the group became a supergroup; the same message must go to {@code newChat}. */
  record ChatMoved(ChatId newChat) implements SendOutcome {
    public ChatMoved {
      Objects.requireNonNull(newChat, "newChat");
    }
  }

  /** B9: the group's topic is closed, the messenger takes no message into it. */
  record TopicClosed() implements SendOutcome {}

  /** B9: the group's topic was deleted. */
  record TopicNotFound() implements SendOutcome {}

  /** The messenger does not know the chat (any more). */
  record ChatNotFound() implements SendOutcome {}

  /** Sent, nothing known of the chat's next slot. */
  SendOutcome SENT = new Sent(Optional.empty());
}
