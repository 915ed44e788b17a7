package io.omnichannel.oneconnect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class FileTypesTest {
  @Test
  void aNameIsTypedByItsExtension() {
    assertThat(FileTypes.byName("Счёт.pdf")).isEqualTo("application/pdf");
    assertThat(FileTypes.byName("photo.WEBP")).isEqualTo("image/webp");
    assertThat(FileTypes.byName("README")).isEqualTo(FileTypes.UNKNOWN);
  }

  @Test
  void aDownloadsContentTypeCountsWhenItNamesARealType() {
    assertThat(FileTypes.byDownload(Optional.of("Image/JPEG; charset=binary")))
        .contains("image/jpeg");
    assertThat(FileTypes.byDownload(Optional.of("application/vnd.ms-excel")))
        .contains("application/vnd.ms-excel");
  }

  @Test
  void aGenericMissingOrMalformedContentTypeSaysNothing() {
    assertThat(FileTypes.byDownload(Optional.empty())).isEmpty();
    assertThat(FileTypes.byDownload(Optional.of("application/octet-stream"))).isEmpty();
    assertThat(FileTypes.byDownload(Optional.of(""))).isEmpty();
    assertThat(FileTypes.byDownload(Optional.of("image"))).isEmpty();
    assertThat(FileTypes.byDownload(Optional.of("text/html\r\nX-Evil: 1"))).isEmpty();
  }
}
