package io.omnichannel.core.domain;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a messenger tells the gateway about one bot's chats, already mapped from its wire format.
 */
public sealed interface ChannelEvent {

  /**
   * A message in a private chat or a group.
   *
   * @param chatTitle the group's title; empty for a private chat
   * @param topic the group's topic the message was written in (B9); empty outside topics, and in a
   *     group's general topic
   * @param topicName the topic's name as the message itself tells it, if it does (for some
   *     messengers its name at creation); the gateway knows renames from {@link TopicNamed}
   */
  record ChannelMessage(
      ChatId chat,
      ChatKind kind,
      Optional<String> chatTitle,
      Sender sender,
      MessageContent content,
      MessageContext context,
      Optional<TopicId> topic,
      Optional<String> topicName)
      implements ChannelEvent {
    public ChannelMessage {
      Objects.requireNonNull(chat, "chat");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(chatTitle, "chatTitle");
      Objects.requireNonNull(sender, "sender");
      Objects.requireNonNull(content, "content");
      Objects.requireNonNull(context, "context");
      Objects.requireNonNull(topic, "topic");
      Objects.requireNonNull(topicName, "topicName");
      checkArgument(
          topic.isPresent() || topicName.isEmpty(), "a topic name needs a topic to belong to");
      checkArgument(topic.isEmpty() || kind == ChatKind.GROUP, "only a group has topics");
      topicName = topicName.filter(name -> !name.isBlank());
    }

    /** A message outside any topic. */
    public ChannelMessage(
        ChatId chat,
        ChatKind kind,
        Optional<String> chatTitle,
        Sender sender,
        MessageContent content,
        MessageContext context) {
      this(chat, kind, chatTitle, sender, content, context, Optional.empty(), Optional.empty());
    }
  }

  /**
   * One message of the messenger that holds several contents (a MAX body with several attachments),
   * each relayed as a message of its own, in the messenger's order. The adapter puts the message's
   * text on one part only.
   */
  record MessageParts(List<ChannelMessage> parts) implements ChannelEvent {
    public MessageParts {
      checkArgument(parts != null && parts.size() >= 2, "a message of parts has two or more");
      parts = List.copyOf(parts);
      ChannelMessage first = parts.get(0);
      checkArgument(
          parts.stream()
              .allMatch(
                  part ->
                      part.chat().equals(first.chat())
                          && part.kind() == first.kind()
                          && part.topic().equals(first.topic())),
          "the parts of one message are in one chat");
    }
  }

  /** B9: a topic of a group was created or renamed; new messages in it carry this name. */
  record TopicNamed(ChatId chat, TopicId topic, String name) implements ChannelEvent {
    public TopicNamed {
      Objects.requireNonNull(chat, "chat");
      Objects.requireNonNull(topic, "topic");
      checkArgument(name != null && !name.isBlank(), "topic name must not be blank");
    }
  }

  /**
   * The bot's own membership in a chat changed: added to or removed from a group, blocked or
   * unblocked by a user.
   */
  record MembershipChanged(
      ChatId chat, ChatKind kind, Optional<String> chatTitle, Membership membership)
      implements ChannelEvent {
    public MembershipChanged {
      Objects.requireNonNull(chat, "chat");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(chatTitle, "chatTitle");
      Objects.requireNonNull(membership, "membership");
    }
  }

  /** B8: a group became a supergroup and has a new chat id. */
  record ChatMigrated(ChatId from, ChatId to) implements ChannelEvent {
    public ChatMigrated {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
    }
  }

  /**
   * An update the gateway does not use (a new kind of the API, a channel post, …); counted, never
   * relayed.
   */
  record Ignored(String kind) implements ChannelEvent {
    public Ignored {
      Objects.requireNonNull(kind, "kind");
    }
  }

  enum Membership {
    /** Added to a group (as administrator or member). */
    JOINED,
    /** Removed or kicked from a group: the group's account epoch ends. */
    LEFT,
    /** A private user blocked the bot. */
    BLOCKED,
    /** A private user unblocked the bot. */
    UNBLOCKED
  }
}
