package io.omnichannel.core.domain;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;

/**
 * The topic a channel account stands for (B9), with the topic's name when the account was opened: a
 * later rename shows on new messages, the account keeps its name (as a group's does, F10).
 */
public record ForumTopic(TopicId id, String name) {
  public ForumTopic {
    Objects.requireNonNull(id, "id");
    checkArgument(name != null && !name.isBlank(), "topic name must not be blank");
  }
}
