package io.omnichannel.core.domain;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;
import java.util.Optional;

/**
 * What a message carries, in either direction. Sealed, so every adapter must decide what to do with
 * every kind. A sticker arrives as an {@link Image}; a video or audio file as a {@link Document}.
 */
public sealed interface MessageContent {

  record Text(String text) implements MessageContent {
    public Text {
      checkArgument(text != null && !text.isBlank(), "text must not be blank");
    }
  }

  record Image(Attachment file, Optional<String> caption) implements MessageContent {
    public Image {
      Objects.requireNonNull(file, "file");
      caption = nonBlank(caption);
    }
  }

  record Document(Attachment file, Optional<String> caption) implements MessageContent {
    public Document {
      Objects.requireNonNull(file, "file");
      caption = nonBlank(caption);
    }
  }

  record Location(double latitude, double longitude, Optional<String> title)
      implements MessageContent {
    public Location {
      checkArgument(latitude >= -90 && latitude <= 90, "latitude out of range");
      checkArgument(longitude >= -180 && longitude <= 180, "longitude out of range");
      title = nonBlank(title);
    }
  }

  /**
   * A contact card the user chose to share (not the user's own profile phone, which is never sent,
   * F8).
   */
  record Contact(String name, Optional<String> phone) implements MessageContent {
    public Contact {
      checkArgument(name != null && !name.isBlank(), "contact name must not be blank");
      phone = nonBlank(phone);
    }
  }

  /** Content the channels cannot exchange (F8): voice, video notes, calls. */
  record Unsupported(UnsupportedKind kind) implements MessageContent {
    public Unsupported {
      Objects.requireNonNull(kind, "kind");
    }
  }

  enum UnsupportedKind {
    VOICE,
    VIDEO_NOTE,
    CALL
  }

  private static Optional<String> nonBlank(Optional<String> text) {
    Objects.requireNonNull(text, "optional text");
    return text.filter(value -> !value.isBlank());
  }
}
