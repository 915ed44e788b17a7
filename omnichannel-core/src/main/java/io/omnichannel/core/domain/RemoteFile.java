package io.omnichannel.core.domain;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;

/**
 * A file looked up on its side: its real size, and how to stream it once the size is found
 * acceptable.
 */
public record RemoteFile(long sizeBytes, FileSource source) {
  public RemoteFile {
    checkArgument(sizeBytes >= 0, "size must not be negative");
    Objects.requireNonNull(source, "source");
  }
}
