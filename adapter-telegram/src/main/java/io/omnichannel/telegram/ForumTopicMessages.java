package io.omnichannel.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnichannel.core.domain.ChannelEvent;
import io.omnichannel.core.domain.ChannelEvent.Ignored;
import io.omnichannel.core.domain.ChannelEvent.TopicNamed;
import io.omnichannel.core.domain.ChatId;
import io.omnichannel.core.domain.TopicId;
import java.util.Optional;

/**
 * B9: what Telegram's forum topic service messages mean to the gateway, and the name a topic
 * message tells. A topic's name comes with {@code forum_topic_created} and, when changed, with
 * {@code forum_topic_edited}; a topic message that replies to nothing else carries the topic's
 * creation as its {@code reply_to_message}.
 */
final class ForumTopicMessages {
  /** Telegram's limit for a topic name; a longer one is cut rather than trusted. */
  static final int NAME_MAX = 128;

  private ForumTopicMessages() {}

  /**
   * The event a topic service message makes: a name for a created or renamed topic; closing and
   * reopening, an icon change and anything about the general topic (which stays the group's
   * account) are only counted. Empty for any other message.
   */
  static Optional<ChannelEvent> change(JsonNode message, ChatId chat, Optional<TopicId> topic) {
    Optional<String> name;
    String kind;
    if (message.has("forum_topic_created")) {
      kind = "forum_topic_created";
      name = UpdateDecoder.text(message.get(kind), "name");
    } else if (message.has("forum_topic_edited")) {
      kind = "forum_topic_edited";
      name = UpdateDecoder.text(message.get(kind), "name");
    } else if (message.has("forum_topic_closed")) {
      return Optional.of(new Ignored("forum_topic_closed"));
    } else if (message.has("forum_topic_reopened")) {
      return Optional.of(new Ignored("forum_topic_reopened"));
    } else {
      return Optional.empty();
    }
    if (topic.isEmpty() || name.isEmpty()) {
      return Optional.of(new Ignored(kind));
    }
    return Optional.of(new TopicNamed(chat, topic.get(), bounded(name.get())));
  }

  /** The topic's name at creation, when the message replies to the topic's creation. */
  static Optional<String> createdAs(JsonNode message) {
    return UpdateDecoder.text(message.path("reply_to_message").path("forum_topic_created"), "name")
        .map(ForumTopicMessages::bounded);
  }

  private static String bounded(String name) {
    String stripped = name.strip();
    return stripped.codePointCount(0, stripped.length()) <= NAME_MAX
        ? stripped
        : stripped.substring(0, stripped.offsetByCodePoints(0, NAME_MAX));
  }
}
