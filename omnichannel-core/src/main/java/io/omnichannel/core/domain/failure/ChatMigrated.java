package io.omnichannel.core.domain.failure;

import io.omnichannel.core.domain.ChatId;
import java.util.Objects;

/** B8: the group became a supergroup; the same message must go to {@link #newChat()}. */
public final class ChatMigrated extends ChannelFailure {
  private final ChatId newChat;

  public ChatMigrated(ChatId newChat) {
    super("group chat was upgraded to a supergroup " + newChat);
    this.newChat = Objects.requireNonNull(newChat, "newChat");
  }

  public ChatId newChat() {
    return newChat;
  }

  @Override
  public boolean retryable() {
    return true;
  }
}
