package io.omnichannel.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.core.domain.LimitCheck.FileKind;
import io.omnichannel.core.domain.MessageContent.Document;
import io.omnichannel.core.domain.MessageContent.Image;
import io.omnichannel.core.domain.MessageContent.Unsupported;
import io.omnichannel.core.domain.MessageContent.UnsupportedKind;
import java.util.Optional;
import java.util.OptionalLong;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The source's limits, with MB read as 2^20 bytes (see {@link ChannelLimits}). */
class ChannelLimitsTest {
  private static final long MIB = 1L << 20;

  private static Image image(long size) {
    return new Image(
        Attachment.of("photo.jpg", "image/jpeg", size, new FileRef("f")), Optional.empty());
  }

  private static Document document(long size) {
    return new Document(
        Attachment.of("report.pdf", "application/pdf", size, new FileRef("f")), Optional.empty());
  }

  @ParameterizedTest(name = "{0} {1}: {2} MiB passes, one byte more fails")
  @CsvSource({
    "TO_LINE, IMAGE, 5",
    "TO_LINE, FILE, 20",
    "TO_CHANNEL, IMAGE, 10",
    "TO_CHANNEL, FILE, 50"
  })
  void limitsAreExactToTheByte(Direction direction, FileKind kind, long mebibytes) {
    long limit = mebibytes * MIB;
    MessageContent atLimit = kind == FileKind.IMAGE ? image(limit) : document(limit);
    MessageContent over = kind == FileKind.IMAGE ? image(limit + 1) : document(limit + 1);

    assertThat(ChannelLimits.ONE_C_CONNECT.check(direction, atLimit).allowed()).isTrue();
    assertThat(ChannelLimits.ONE_C_CONNECT.check(direction, over))
        .isEqualTo(new LimitCheck.TooLarge(direction, kind, limit, limit + 1));
  }

  @Test
  void decimalMegabytesPassUnderTheBinaryReading() {
    assertThat(ChannelLimits.ONE_C_CONNECT.check(Direction.TO_LINE, image(5_000_000)).allowed())
        .isTrue();
    assertThat(ChannelLimits.ONE_C_CONNECT.check(Direction.TO_LINE, image(5_000_001)).allowed())
        .isTrue();
    assertThat(ChannelLimits.ONE_C_CONNECT.check(Direction.TO_LINE, document(20_000_000)).allowed())
        .isTrue();
  }

  @Test
  void voiceVideoNotesAndCallsAreUnsupportedBothWays() {
    for (UnsupportedKind kind : UnsupportedKind.values()) {
      assertThat(ChannelLimits.ONE_C_CONNECT.check(Direction.TO_LINE, new Unsupported(kind)))
          .isEqualTo(new LimitCheck.Unsupported(kind));
      assertThat(ChannelLimits.ONE_C_CONNECT.check(Direction.TO_CHANNEL, new Unsupported(kind)))
          .isEqualTo(new LimitCheck.Unsupported(kind));
    }
  }

  @Test
  void aFileOfUnknownSizePassesUntilItsSizeIsKnown() {
    Image unknown =
        new Image(
            new Attachment("p.jpg", "image/jpeg", OptionalLong.empty(), new FileRef("f")),
            Optional.empty());

    assertThat(ChannelLimits.ONE_C_CONNECT.check(Direction.TO_LINE, unknown).allowed()).isTrue();
  }

  @Test
  void aCompanyHasFiveBots() {
    assertThat(ChannelLimits.MAX_BOTS_PER_COMPANY).isEqualTo(5);
  }

  @Property
  void inboundImagesPassExactlyUpToFiveMebibytes(
      @ForAll @LongRange(min = 0, max = 12 * MIB) long size) {
    assertThat(ChannelLimits.ONE_C_CONNECT.check(Direction.TO_LINE, image(size)).allowed())
        .isEqualTo(size <= 5 * MIB);
  }

  @Property
  void inboundFilesPassExactlyUpToTwentyMebibytes(
      @ForAll @LongRange(min = 0, max = 60 * MIB) long size) {
    assertThat(ChannelLimits.ONE_C_CONNECT.check(Direction.TO_LINE, document(size)).allowed())
        .isEqualTo(size <= 20 * MIB);
  }

  @Property
  void outboundImagesPassExactlyUpToTenMebibytes(
      @ForAll @LongRange(min = 0, max = 60 * MIB) long size) {
    assertThat(ChannelLimits.ONE_C_CONNECT.check(Direction.TO_CHANNEL, image(size)).allowed())
        .isEqualTo(size <= 10 * MIB);
  }

  @Property
  void outboundFilesPassExactlyUpToFiftyMebibytes(
      @ForAll @LongRange(min = 0, max = 120 * MIB) long size) {
    assertThat(ChannelLimits.ONE_C_CONNECT.check(Direction.TO_CHANNEL, document(size)).allowed())
        .isEqualTo(size <= 50 * MIB);
  }

  @Property
  void aRefusalReportsTheLimitAndTheSize(
      @ForAll @LongRange(min = 5 * MIB + 1, max = 1L << 40) long size) {
    LimitCheck check = ChannelLimits.ONE_C_CONNECT.check(Direction.TO_LINE, image(size));

    assertThat(check)
        .isEqualTo(new LimitCheck.TooLarge(Direction.TO_LINE, FileKind.IMAGE, 5 * MIB, size));
  }

  @Test
  void aMessengerNarrowsOneCConnectsLimitsAndNeverWidensThem() {
    ChannelLimits messenger = new ChannelLimits(4 * MIB, 100 * MIB, 10 * MIB, 30 * MIB);

    ChannelLimits narrowed = ChannelLimits.ONE_C_CONNECT.narrowedBy(messenger);

    assertThat(narrowed.maxBytes(Direction.TO_LINE, FileKind.IMAGE)).isEqualTo(4 * MIB);
    assertThat(narrowed.maxBytes(Direction.TO_LINE, FileKind.FILE)).isEqualTo(20 * MIB);
    assertThat(narrowed.maxBytes(Direction.TO_CHANNEL, FileKind.IMAGE)).isEqualTo(10 * MIB);
    assertThat(narrowed.maxBytes(Direction.TO_CHANNEL, FileKind.FILE)).isEqualTo(30 * MIB);
    assertThat(narrowed.checkSize(Direction.TO_LINE, FileKind.IMAGE, 4 * MIB + 1))
        .isEqualTo(
            new LimitCheck.TooLarge(Direction.TO_LINE, FileKind.IMAGE, 4 * MIB, 4 * MIB + 1));
  }
}
