package io.omnichannel.testkit.telegram;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;

/**
 * B9: one topic of a supergroup with topics. Members write into it with {@link #member}; the
 * topic's service messages ({@code forum_topic_edited}, {@code _closed}, {@code _reopened}) are
 * queued as the real service sends them, each carrying the topic's {@code message_thread_id}. While
 * the topic is closed, the bot's sends into it answer 400 "TOPIC_CLOSED".
 */
public final class TopicScenario {
  private static final int ICON_COLOR = 0x6FB9F0;

  private final UpdateInjector injector;
  private final ChatState chat;
  private final long threadId;

  private TopicScenario(UpdateInjector injector, ChatState chat, long threadId) {
    this.injector = injector;
    this.chat = chat;
    this.threadId = threadId;
  }

  /** The service message forum_topic_created; its message id becomes the topic's thread id. */
  static TopicScenario create(UpdateInjector injector, ChatState chat, UserSpec by, String name) {
    if (!chat.isForum()) {
      throw new IllegalStateException("group " + chat.id + " has no topics; enable them first");
    }
    InjectedUpdate created =
        injector.message(
            chat,
            by,
            m -> {
              long id = m.get("message_id").asLong();
              inTopic(m, id);
              m.putObject("forum_topic_created").put("name", name).put("icon_color", ICON_COLOR);
              chat.topics().created(id, name, m);
            });
    return new TopicScenario(injector, chat, created.messageId());
  }

  public long chatId() {
    return chat.id;
  }

  /** The topic's {@code message_thread_id}. */
  public long threadId() {
    return threadId;
  }

  /** The topic's current name. */
  public String name() {
    synchronized (chat) {
      return chat.topics().name(threadId);
    }
  }

  /** A member writing in this topic: every message carries the topic's thread id. */
  public MessageScenario member(UserSpec member) {
    return new TopicMember(injector, chat, member, threadId);
  }

  /** forum_topic_edited with the new name. */
  public InjectedUpdate renames(UserSpec by, String newName) {
    return service(
        by,
        m -> {
          m.putObject("forum_topic_edited").put("name", newName);
          chat.topics().renamed(threadId, newName);
        });
  }

  /** forum_topic_closed: the bot's sends into the topic are refused until it is reopened. */
  public InjectedUpdate closes(UserSpec by) {
    return service(
        by,
        m -> {
          m.putObject("forum_topic_closed");
          chat.topics().closed(threadId, true);
        });
  }

  /** forum_topic_reopened. */
  public InjectedUpdate reopens(UserSpec by) {
    return service(
        by,
        m -> {
          m.putObject("forum_topic_reopened");
          chat.topics().closed(threadId, false);
        });
  }

  private InjectedUpdate service(UserSpec by, Consumer<ObjectNode> change) {
    return injector.message(
        chat,
        by,
        m -> {
          inTopic(m, threadId);
          m.set("reply_to_message", chat.topics().creation(threadId));
          change.accept(m);
        });
  }

  private static void inTopic(ObjectNode message, long threadId) {
    message.put("message_thread_id", threadId);
    message.put("is_topic_message", true);
  }

  /**
   * A member in the topic; a message that replies to nothing else replies to the topic's creation,
   * as the real service shapes it.
   */
  private static final class TopicMember extends MessageScenario {
    private final long threadId;

    TopicMember(UpdateInjector injector, ChatState chat, UserSpec author, long threadId) {
      super(injector, chat, author);
      this.threadId = threadId;
    }

    @Override
    InjectedUpdate message(Consumer<ObjectNode> content) {
      return injector.message(
          chat,
          author,
          m -> {
            inTopic(m, threadId);
            m.set("reply_to_message", chat.topics().creation(threadId));
            content.accept(m);
          });
    }
  }
}
