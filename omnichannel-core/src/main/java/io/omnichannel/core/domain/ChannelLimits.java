package io.omnichannel.core.domain;

import static com.google.common.base.Preconditions.checkArgument;

import io.omnichannel.core.domain.LimitCheck.FileKind;
import io.omnichannel.core.domain.MessageContent.Document;
import io.omnichannel.core.domain.MessageContent.Image;
import io.omnichannel.core.domain.MessageContent.Unsupported;

/**
 * How large a file may be, by direction and kind: 1C-Connect's limits ({@link #ONE_C_CONNECT}) for
 * every channel, narrowed by what the messenger itself takes ({@link #narrowedBy}); a channel's
 * limits are its {@link ChannelDescription#limits()}.
 *
 * <p>"MB" in the source is read as a mebibyte, 2^20 bytes: messengers state their own limits (20 MB
 * to download, 50 MB to upload) in binary megabytes, so 5 MiB is the largest image that passes
 * inbound and one byte more is refused. Anything up to 5,000,000 bytes passes under either reading.
 */
public final class ChannelLimits {
  public static final long MEBIBYTE = 1L << 20;

  /** Per company and channel: a company may connect this many bots of each messenger. */
  public static final int MAX_BOTS_PER_COMPANY = 5;

  public static final long TO_LINE_IMAGE_MAX_BYTES = 5 * MEBIBYTE;
  public static final long TO_LINE_FILE_MAX_BYTES = 20 * MEBIBYTE;
  public static final long TO_CHANNEL_IMAGE_MAX_BYTES = 10 * MEBIBYTE;
  public static final long TO_CHANNEL_FILE_MAX_BYTES = 50 * MEBIBYTE;

  /** 1C-Connect's own limits (the source's 5/20 MB into the line, 10/50 MB out of it). */
  public static final ChannelLimits ONE_C_CONNECT =
      new ChannelLimits(
          TO_LINE_IMAGE_MAX_BYTES,
          TO_LINE_FILE_MAX_BYTES,
          TO_CHANNEL_IMAGE_MAX_BYTES,
          TO_CHANNEL_FILE_MAX_BYTES);

  private final long toLineImage;
  private final long toLineFile;
  private final long toChannelImage;
  private final long toChannelFile;

  /**
   * @param toLineImage the largest image a user may send (what the messenger lets a bot download)
   * @param toLineFile the largest file a user may send
   * @param toChannelImage the largest image a bot may send
   * @param toChannelFile the largest file a bot may send
   */
  public ChannelLimits(long toLineImage, long toLineFile, long toChannelImage, long toChannelFile) {
    checkArgument(
        toLineImage > 0 && toLineFile > 0 && toChannelImage > 0 && toChannelFile > 0,
        "limits are positive");
    this.toLineImage = toLineImage;
    this.toLineFile = toLineFile;
    this.toChannelImage = toChannelImage;
    this.toChannelFile = toChannelFile;
  }

  /** These limits, each lowered to the other's where the other's is smaller. */
  public ChannelLimits narrowedBy(ChannelLimits other) {
    return new ChannelLimits(
        Math.min(toLineImage, other.toLineImage),
        Math.min(toLineFile, other.toLineFile),
        Math.min(toChannelImage, other.toChannelImage),
        Math.min(toChannelFile, other.toChannelFile));
  }

  public long maxBytes(Direction direction, FileKind kind) {
    return switch (direction) {
      case TO_LINE -> kind == FileKind.IMAGE ? toLineImage : toLineFile;
      case TO_CHANNEL -> kind == FileKind.IMAGE ? toChannelImage : toChannelFile;
    };
  }

  /**
   * Checks kind and declared size. A file whose size is not known yet passes here; the adapter
   * checks {@link #checkSize} again once it learns the size, before reading the bytes.
   */
  public LimitCheck check(Direction direction, MessageContent content) {
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

  private LimitCheck checkDeclared(Direction direction, FileKind kind, Attachment file) {
    return file.sizeBytes().isPresent()
        ? checkSize(direction, kind, file.sizeBytes().getAsLong())
        : LimitCheck.ALLOWED;
  }

  public LimitCheck checkSize(Direction direction, FileKind kind, long sizeBytes) {
    long limit = maxBytes(direction, kind);
    return sizeBytes <= limit
        ? LimitCheck.ALLOWED
        : new LimitCheck.TooLarge(direction, kind, limit, sizeBytes);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ChannelLimits that
        && toLineImage == that.toLineImage
        && toLineFile == that.toLineFile
        && toChannelImage == that.toChannelImage
        && toChannelFile == that.toChannelFile;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(toLineImage ^ toLineFile * 31 ^ toChannelImage * 961 ^ toChannelFile);
  }

  @Override
  public String toString() {
    return "ChannelLimits[to line "
        + toLineImage
        + "/"
        + toLineFile
        + ", to channel "
        + toChannelImage
        + "/"
        + toChannelFile
        + " bytes (image/file)]";
  }
}
