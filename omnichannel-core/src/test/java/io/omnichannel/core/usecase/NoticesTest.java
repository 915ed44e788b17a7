package io.omnichannel.core.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.core.domain.ChannelLimits;
import io.omnichannel.core.domain.Direction;
import io.omnichannel.core.domain.LimitCheck;
import io.omnichannel.core.domain.LimitCheck.FileKind;
import io.omnichannel.core.fakes.FakeMessenger;
import org.junit.jupiter.api.Test;

/** The notices' wording: sizes, and the channel's own limits. */
class NoticesTest {
  private static final long MIB = ChannelLimits.MEBIBYTE;

  @Test
  void wholeMegabytesReadWithoutDecimals() {
    assertThat(LineNotices.megabytes(5 * MIB)).isEqualTo("5 МБ");
    assertThat(LineNotices.megabytes(50 * MIB)).isEqualTo("50 МБ");
  }

  @Test
  void aSizeJustOverALimitNeverReadsAsTheLimit() {
    assertThat(LineNotices.megabytes(5 * MIB + 1)).isEqualTo("5,1 МБ");
    assertThat(LineNotices.megabytes(20 * MIB + 1)).isEqualTo("20,1 МБ");
  }

  @Test
  void fractionsUseADecimalComma() {
    assertThat(LineNotices.megabytes(MIB + MIB / 2)).isEqualTo("1,5 МБ");
  }

  @Test
  void theNoticeForAFileOneByteOverSaysBothSizesDistinctly() {
    LimitCheck tooLarge =
        ChannelLimits.ONE_C_CONNECT.checkSize(Direction.TO_LINE, FileKind.IMAGE, 5 * MIB + 1);

    assertThat(UserNotices.notForwarded(tooLarge, "photo.jpg", ChannelLimits.ONE_C_CONNECT))
        .startsWith(
            "Изображение «photo.jpg» не отправлено: его размер 5,1 МБ, а можно не больше 5 МБ.")
        .endsWith("Изображения принимаются до 5 МБ, файлы — до 20 МБ.");
  }

  @Test
  void theUserLearnsTheSizesOfTheirOwnChannel() {
    ChannelLimits narrower = FakeMessenger.opaque("Pigeon").limits();
    LimitCheck tooLarge = narrower.checkSize(Direction.TO_LINE, FileKind.FILE, 9 * MIB);

    assertThat(UserNotices.notForwarded(tooLarge, "report.pdf", narrower))
        .startsWith("Файл «report.pdf» не отправлен: его размер 9 МБ, а можно не больше 8 МБ.")
        .endsWith("Изображения принимаются до 4 МБ, файлы — до 8 МБ.");
  }
}
