package io.omnichannel.core.domain.failure;

/** The messenger rejects the bot's token: wrong, or revoked in BotFather. */
public final class InvalidBotToken extends ChannelFailure {
  public InvalidBotToken(String message) {
    super(message);
  }

  public InvalidBotToken(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public boolean retryable() {
    return false;
  }
}
