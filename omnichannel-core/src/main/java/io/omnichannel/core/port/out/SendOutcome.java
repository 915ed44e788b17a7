package io.omnichannel.core.port.out;

import io.omnichannel.core.domain.ChatId;
import java.util.Objects;

/**
 * What became of one message sent into a messenger's chat: sent, or one of the refusals the core
 * answers in its own way. Unavailability, rate limits and a rejected token are no outcome: they are
 * thrown ({@code ChannelUnavailable}, {@code RateLimited}, {@code AwaitingSlot}, {@code
 * InvalidBotToken}) for the queue to retry or the connection to be marked.
 */
public sealed interface SendOutcome {

  /** The messenger took the message (all its parts). */
  record Sent() implements SendOutcome {}

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

  /** The one {@link Sent}. */
  SendOutcome SENT = new Sent();
}
