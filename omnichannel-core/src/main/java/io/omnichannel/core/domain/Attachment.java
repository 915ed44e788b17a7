package io.omnichannel.core.domain;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * A file carried by a message. The size is what the sender declared; it may be unknown until the
 * file is looked up, and the limits are checked again then.
 */
public record Attachment(String fileName, String mimeType, OptionalLong sizeBytes, FileRef ref) {
  public Attachment {
    checkArgument(fileName != null && !fileName.isBlank(), "file name must not be blank");
    checkArgument(mimeType != null && !mimeType.isBlank(), "MIME type must not be blank");
    Objects.requireNonNull(sizeBytes, "sizeBytes");
    sizeBytes.ifPresent(size -> checkArgument(size >= 0, "file size must not be negative"));
    Objects.requireNonNull(ref, "ref");
  }

  public static Attachment of(String fileName, String mimeType, long sizeBytes, FileRef ref) {
    return new Attachment(fileName, mimeType, OptionalLong.of(sizeBytes), ref);
  }
}
