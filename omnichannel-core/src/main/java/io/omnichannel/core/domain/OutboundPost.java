package io.omnichannel.core.domain;

import static com.google.common.base.Preconditions.checkArgument;

import io.omnichannel.core.domain.LimitCheck.FileKind;
import java.util.Objects;
import java.util.Optional;

/**
 * One message to send to a messenger chat, as it waits in the outbox: text, or a file that is still
 * on its own side ({@link FileRef}), with what it does to the keyboard. Never holds file bytes.
 */
public sealed interface OutboundPost {
  Keyboard keyboard();

  record Text(String text, Keyboard keyboard) implements OutboundPost {
    public Text {
      checkArgument(text != null && !text.isBlank(), "text must not be blank");
      Objects.requireNonNull(keyboard, "keyboard");
    }
  }

  /** A file from the line: fetched from {@code file.ref()} when sent. */
  record File(FileKind kind, Attachment file, Optional<String> caption, Keyboard keyboard)
      implements OutboundPost {
    public File {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(caption, "caption");
      caption = caption.filter(text -> !text.isBlank());
      Objects.requireNonNull(keyboard, "keyboard");
    }
  }
}
