package io.omnichannel.core.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.core.domain.ChannelLimits;
import io.omnichannel.core.domain.Direction;
import io.omnichannel.core.domain.LimitCheck;
import io.omnichannel.core.domain.LimitCheck.FileKind;
import org.junit.jupiter.api.Test;

class LineTextRendererTest {
  private static final long MIB = ChannelLimits.MEBIBYTE;

  @Test
  void wholeMegabytesReadWithoutDecimals() {
    assertThat(LineTextRenderer.megabytes(5 * MIB)).isEqualTo("5 МБ");
    assertThat(LineTextRenderer.megabytes(50 * MIB)).isEqualTo("50 МБ");
  }

  @Test
  void aSizeJustOverALimitNeverReadsAsTheLimit() {
    assertThat(LineTextRenderer.megabytes(5 * MIB + 1)).isEqualTo("5,1 МБ");
    assertThat(LineTextRenderer.megabytes(20 * MIB + 1)).isEqualTo("20,1 МБ");
  }

  @Test
  void fractionsUseADecimalComma() {
    assertThat(LineTextRenderer.megabytes(MIB + MIB / 2)).isEqualTo("1,5 МБ");
  }

  @Test
  void theNoticeForAFileOneByteOverSaysBothSizesDistinctly() {
    LimitCheck tooLarge = ChannelLimits.checkSize(Direction.TO_LINE, FileKind.IMAGE, 5 * MIB + 1);

    assertThat(LineTextRenderer.notice(tooLarge, "photo.jpg"))
        .startsWith(
            "Изображение «photo.jpg» не отправлено: его размер 5,1 МБ, а можно не больше 5 МБ.")
        .endsWith("Изображения принимаются до 5 МБ, файлы — до 20 МБ.");
  }
}
