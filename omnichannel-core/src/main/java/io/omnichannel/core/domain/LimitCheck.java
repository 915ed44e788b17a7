package io.omnichannel.core.domain;

import java.util.Objects;

/** The outcome of checking one message against {@link ChannelLimits}. */
public sealed interface LimitCheck {
  record Allowed() implements LimitCheck {}

  /** A file over the size limit for its kind and direction. */
  record TooLarge(Direction direction, FileKind kind, long limitBytes, long sizeBytes)
      implements LimitCheck {
    public TooLarge {
      Objects.requireNonNull(direction, "direction");
      Objects.requireNonNull(kind, "kind");
    }
  }

  /** A kind the channels cannot exchange (F8). */
  record Unsupported(MessageContent.UnsupportedKind kind) implements LimitCheck {
    public Unsupported {
      Objects.requireNonNull(kind, "kind");
    }
  }

  LimitCheck ALLOWED = new Allowed();

  enum FileKind {
    IMAGE,
    FILE
  }

  default boolean allowed() {
    return this instanceof Allowed;
  }
}
