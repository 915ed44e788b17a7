package io.omnichannel.core.domain;

import static com.google.common.base.Preconditions.checkArgument;

import io.omnichannel.core.domain.LimitCheck.FileKind;
import java.util.Objects;
import java.util.Optional;

/**
 * One message delivered into a line on behalf of a channel account. {@code externalId} comes from
 * the source event, so delivering it again never doubles it (B1).
 */
public sealed interface LinePost {
  String externalId();

  record Text(String text, String externalId) implements LinePost {
    public Text {
      checkArgument(text != null && !text.isBlank(), "text must not be blank");
      checkArgument(externalId != null && !externalId.isBlank(), "external id must not be blank");
    }
  }

  record File(
      FileKind kind,
      String fileName,
      String mimeType,
      long sizeBytes,
      FileSource source,
      Optional<String> comment,
      String externalId)
      implements LinePost {
    public File {
      Objects.requireNonNull(kind, "kind");
      checkArgument(fileName != null && !fileName.isBlank(), "file name must not be blank");
      checkArgument(mimeType != null && !mimeType.isBlank(), "MIME type must not be blank");
      checkArgument(sizeBytes >= 0, "size must not be negative");
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(comment, "comment");
      checkArgument(externalId != null && !externalId.isBlank(), "external id must not be blank");
    }
  }
}
