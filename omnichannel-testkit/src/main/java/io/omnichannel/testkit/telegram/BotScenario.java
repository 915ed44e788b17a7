package io.omnichannel.testkit.telegram;

/**
 * Entry of the scenario builders for one bot: {@code
 * emulator.bot(token).user(alice).sendsText("hi")}.
 */
public final class BotScenario {
  private final UpdateInjector injector;

  BotScenario(UpdateInjector injector) {
    this.injector = injector;
  }

  public BotInfo info() {
    return injector.bot.info;
  }

  /** The private chat with this user; it becomes known to the bot (sendable) from now on. */
  public PrivateChatScenario user(UserSpec user) {
    ChatState chat = injector.bot.remember(ChatState.privateWith(user));
    chat.updateUser(user);
    return new PrivateChatScenario(injector, chat);
  }

  /** A basic group the bot is not in yet; use addsBotAsMember/addsBotAsAdministrator first. */
  public GroupScenario group(GroupSpec group) {
    ChatState chat =
        injector.bot.remember(
            ChatState.group(
                group.id(), group.title(), ChatState.Type.GROUP, ChatState.Standing.LEFT));
    return new GroupScenario(injector, chat);
  }

  /** Any update as JSON (update_id is assigned); for kinds the builders do not cover. */
  public InjectedUpdate rawUpdate(String json) {
    return injector.raw(json);
  }
}
