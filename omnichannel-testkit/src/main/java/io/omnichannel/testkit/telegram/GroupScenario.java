package io.omnichannel.testkit.telegram;

/**
 * A group or supergroup and the bot's membership in it. Members can write only while the bot is in
 * the group, so a test cannot describe something the real service would never deliver.
 */
public final class GroupScenario {
  private final UpdateInjector injector;
  private final ChatState chat;

  GroupScenario(UpdateInjector injector, ChatState chat) {
    this.injector = injector;
    this.chat = chat;
  }

  public long chatId() {
    return chat.id;
  }

  /** my_chat_member → administrator, plus the service message with new_chat_members. */
  public InjectedUpdate addsBotAsAdministrator(UserSpec by) {
    return adds(by, ChatState.Standing.ADMINISTRATOR);
  }

  /** my_chat_member → member, plus the service message with new_chat_members. */
  public InjectedUpdate addsBotAsMember(UserSpec by) {
    return adds(by, ChatState.Standing.MEMBER);
  }

  /** The bot is removed: my_chat_member → left; sending there answers 403. */
  public InjectedUpdate removesBot(UserSpec by) {
    return injector.membership(chat, by, chat.standing(), ChatState.Standing.LEFT);
  }

  /** The bot is banned: my_chat_member → kicked; sending there answers 403 "bot was kicked …". */
  public InjectedUpdate kicksBot(UserSpec by) {
    return injector.membership(chat, by, chat.standing(), ChatState.Standing.KICKED);
  }

  public MessageScenario member(UserSpec member) {
    ChatState.Standing standing = chat.standing();
    if (standing != ChatState.Standing.MEMBER && standing != ChatState.Standing.ADMINISTRATOR) {
      throw new IllegalStateException("the bot is not in group " + chat.id + "; add it first");
    }
    return new MessageScenario(injector, chat, member);
  }

  /**
   * The group becomes a supergroup: a service message with migrate_to_chat_id in this chat, one
   * with migrate_from_chat_id in the new one; sending to the old id then answers 400 with
   * migrate_to_chat_id.
   */
  public GroupScenario migrateToSupergroup(UserSpec by) {
    if (chat.type != ChatState.Type.GROUP) {
      throw new IllegalStateException("only a basic group can migrate");
    }
    long supergroupId = -(1_000_000_000_000L + Math.abs(chat.id) % 1_000_000_000_000L);
    ChatState supergroup =
        injector.bot.remember(
            ChatState.group(
                supergroupId, chat.title(), ChatState.Type.SUPERGROUP, chat.standing()));
    injector.message(chat, by, m -> m.put("migrate_to_chat_id", supergroupId));
    chat.migrateTo(supergroupId);
    injector.message(supergroup, by, m -> m.put("migrate_from_chat_id", chat.id));
    return new GroupScenario(injector, supergroup);
  }

  /**
   * B9: the supergroup turns topics on (its chat objects say {@code is_forum} from now on); a basic
   * group must {@link #migrateToSupergroup} first.
   */
  public GroupScenario enablesTopics() {
    chat.enableTopics();
    return this;
  }

  /** B9: a member creates a topic (the service message forum_topic_created). */
  public TopicScenario createsTopic(UserSpec by, String name) {
    member(by); // only while the bot is in the group, like any message
    return TopicScenario.create(injector, chat, by, name);
  }

  private InjectedUpdate adds(UserSpec by, ChatState.Standing standing) {
    InjectedUpdate membership = injector.membership(chat, by, chat.standing(), standing);
    injector.message(chat, by, m -> m.putArray("new_chat_members").add(injector.bot.userJson()));
    return membership;
  }
}
