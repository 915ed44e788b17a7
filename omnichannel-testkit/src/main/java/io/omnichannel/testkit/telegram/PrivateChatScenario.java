package io.omnichannel.testkit.telegram;

/** A user in a private chat with the bot; besides writing, they can block and unblock it. */
public final class PrivateChatScenario extends MessageScenario {

  PrivateChatScenario(UpdateInjector injector, ChatState chat) {
    super(injector, chat, chat.user());
  }

  /** The user blocks the bot: my_chat_member member → kicked; sending to them then answers 403. */
  public InjectedUpdate blocksBot() {
    return injector.membership(chat, author, chat.standing(), ChatState.Standing.KICKED);
  }

  /** The user unblocks (restarts) the bot: my_chat_member kicked → member. */
  public InjectedUpdate unblocksBot() {
    return injector.membership(chat, author, chat.standing(), ChatState.Standing.MEMBER);
  }
}
