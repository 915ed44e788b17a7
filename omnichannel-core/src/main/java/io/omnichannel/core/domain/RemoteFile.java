package io.omnichannel.core.domain;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;
import java.util.Optional;

/**
 * A file looked up on its side: its real size, the MIME type the side declared for it when it
 * declared a real one (a mere {@code application/octet-stream} is no type), and how to stream it
 * once the size is found acceptable.
 */
public record RemoteFile(long sizeBytes, Optional<String> mimeType, FileSource source) {
  public RemoteFile {
    checkArgument(sizeBytes >= 0, "size must not be negative");
    Objects.requireNonNull(mimeType, "mimeType");
    Objects.requireNonNull(source, "source");
  }

  /** A file whose side declares no type: the name's type stands. */
  public RemoteFile(long sizeBytes, FileSource source) {
    this(sizeBytes, Optional.empty(), source);
  }
}
