package io.omnichannel.core.domain;

import io.omnichannel.core.domain.LimitCheck.FileKind;
import io.omnichannel.core.domain.MessageContent.Document;
import io.omnichannel.core.domain.MessageContent.Image;
import io.omnichannel.core.domain.MessageContent.Unsupported;

/**
 * Every limit of the source in one place.
 *
 * <p>"MB" in the source is read as a mebibyte, 2^20 bytes: Telegram's own limits (20 MB for
 * getFile, 50 MB for uploads) are binary megabytes, so 5 MiB is the largest image that passes
 * inbound and one byte more is refused. Anything up to 5,000,000 bytes passes under either reading.
 */
public final class ChannelLimits {
  public static final long MEBIBYTE = 1L << 20;

  public static final int MAX_BOTS_PER_COMPANY = 5;

  public static final long TO_LINE_IMAGE_MAX_BYTES = 5 * MEBIBYTE;
  public static final long TO_LINE_FILE_MAX_BYTES = 20 * MEBIBYTE;
  public static final long TO_CHANNEL_IMAGE_MAX_BYTES = 10 * MEBIBYTE;
  public static final long TO_CHANNEL_FILE_MAX_BYTES = 50 * MEBIBYTE;

  private ChannelLimits() {}

  public static long maxBytes(Direction direction, FileKind kind) {
    return switch (direction) {
      case TO_LINE -> kind == FileKind.IMAGE ? TO_LINE_IMAGE_MAX_BYTES : TO_LINE_FILE_MAX_BYTES;
      case TO_CHANNEL ->
          kind == FileKind.IMAGE ? TO_CHANNEL_IMAGE_MAX_BYTES : TO_CHANNEL_FILE_MAX_BYTES;
    };
  }

  /**
   * Checks kind and declared size. A file whose size is not known yet passes here; the adapter
   * checks {@link #checkSize} again once it learns the size, before reading the bytes.
   */
  public static LimitCheck check(Direction direction, MessageContent content) {
    if (content instanceof Unsupported unsupported) {
      return new LimitCheck.Unsupported(unsupported.kind());
    }
    if (content instanceof Image image) {
      return checkDeclared(direction, FileKind.IMAGE, image.file());
    }
    if (content instanceof Document document) {
      return checkDeclared(direction, FileKind.FILE, document.file());
    }
    return LimitCheck.ALLOWED;
  }

  private static LimitCheck checkDeclared(Direction direction, FileKind kind, Attachment file) {
    return file.sizeBytes().isPresent()
        ? checkSize(direction, kind, file.sizeBytes().getAsLong())
        : LimitCheck.ALLOWED;
  }

  public static LimitCheck checkSize(Direction direction, FileKind kind, long sizeBytes) {
    long limit = maxBytes(direction, kind);
    return sizeBytes <= limit
        ? LimitCheck.ALLOWED
        : new LimitCheck.TooLarge(direction, kind, limit, sizeBytes);
  }
}
