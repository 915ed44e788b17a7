package io.omnichannel.core.domain.failure;

/** The user blocked the bot, or the bot was removed from the group (403). */
public final class BotBlockedByUser extends ChannelFailure {
  public BotBlockedByUser(String message) {
    super(message);
  }

  public BotBlockedByUser(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public boolean retryable() {
    return false;
  }
}
