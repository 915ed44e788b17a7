package io.omnichannel.testkit.telegram;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;

/**
 * The topics of a supergroup with topics, as the real service keeps them: a topic is known by the
 * id of the service message that created it ({@code message_thread_id}); a closed topic takes no
 * message from the bot, which is an administrator without {@code can_manage_topics}. Guarded by the
 * chat's monitor.
 */
final class ForumTopics {
  private static final class Topic {
    final ObjectNode created;
    String name;
    boolean closed;

    Topic(ObjectNode created, String name) {
      this.created = created;
      this.name = name;
    }
  }

  private final Map<Long, Topic> topics = new HashMap<>();

  void created(long threadId, String name, ObjectNode creationMessage) {
    topics.put(threadId, new Topic(creationMessage, name));
  }

  void renamed(long threadId, String name) {
    topic(threadId).name = name;
  }

  void closed(long threadId, boolean closed) {
    topic(threadId).closed = closed;
  }

  String name(long threadId) {
    return topic(threadId).name;
  }

  /** The service message that created the topic: what a topic message replies to by default. */
  ObjectNode creation(long threadId) {
    return topic(threadId).created.deepCopy();
  }

  /** Throws the real service's answer when the bot may not post into the thread. */
  void checkBotCanPost(long threadId) {
    Topic topic = topics.get(threadId);
    if (topic == null) {
      throw ApiError.badRequest("message thread not found");
    }
    if (topic.closed) {
      throw ApiError.badRequest("TOPIC_CLOSED");
    }
  }

  private Topic topic(long threadId) {
    Topic topic = topics.get(threadId);
    if (topic == null) {
      throw new IllegalStateException("no topic " + threadId);
    }
    return topic;
  }
}
