package io.omnichannel.core.domain;

import static com.google.common.base.Preconditions.checkArgument;

import io.omnichannel.core.domain.LimitCheck.FileKind;
import java.util.Objects;
import java.util.Optional;

/**
 * A message handed to a messenger adapter to send now: text, or a file with its bytes ready to
 * stream.
 */
public sealed interface ChannelPost {
  Keyboard keyboard();

  record Text(String text, Keyboard keyboard) implements ChannelPost {
    public Text {
      checkArgument(text != null && !text.isBlank(), "text must not be blank");
      Objects.requireNonNull(keyboard, "keyboard");
    }
  }

  record File(
      FileKind kind,
      String fileName,
      String mimeType,
      long sizeBytes,
      FileSource source,
      Optional<String> caption,
      Keyboard keyboard)
      implements ChannelPost {
    public File {
      Objects.requireNonNull(kind, "kind");
      checkArgument(fileName != null && !fileName.isBlank(), "file name must not be blank");
      checkArgument(mimeType != null && !mimeType.isBlank(), "MIME type must not be blank");
      checkArgument(sizeBytes >= 0, "size must not be negative");
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(caption, "caption");
      Objects.requireNonNull(keyboard, "keyboard");
    }
  }
}
