package io.omnichannel.testkit.oneconnect;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SendFileTest extends EmulatorTest {
  @Override
  OneConnectEmulatorConfig config() {
    return OneConnectEmulatorConfig.builder().maxFileBytes(64).maxImageBytes(32).build();
  }

  private String meta(String fileName) {
    return "{\"line_id\":\""
        + world.support.id()
        + "\",\"user_id\":\""
        + world.user.id()
        + "\",\"file_name\":\""
        + fileName
        + "\",\"comment\":\"see attached\"}";
  }

  @Test
  void aFileWithMetaAndFilePartsIsDeliveredAndItsPartsRecorded() {
    byte[] pdf = "%PDF-1.4 tiny".getBytes(StandardCharsets.US_ASCII);
    HttpResponse<String> response =
        bot.post(
            "/v1/line/send/file/",
            MultipartBody.create()
                .json("meta", meta("report.pdf"))
                .part("file", "report.pdf", "application/pdf", pdf));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEmpty();
    TranscriptEntry entry =
        emulator.inspection().transcript(world.support.id(), world.user.id()).get(0);
    assertThat(entry.kind()).isEqualTo(TranscriptEntry.Kind.FILE);
    assertThat(entry.text()).isEqualTo("see attached");
    assertThat(entry.file().name()).isEqualTo("report.pdf");
    assertThat(entry.file().mime()).isEqualTo("application/pdf");
    assertThat(entry.file().size()).isEqualTo(pdf.length);
    RecordedRequest request = emulator.inspection().requests().get(0);
    assertThat(request.path()).isEqualTo("/v1/line/send/file/");
    assertThat(request.parts())
        .extracting(RecordedPart::name, RecordedPart::contentType, RecordedPart::fileName)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("meta", "application/json", null),
            org.assertj.core.groups.Tuple.tuple("file", "application/pdf", "report.pdf"));
    assertThat(request.parts().get(0).text()).contains("\"file_name\":\"report.pdf\"");
  }

  @Test
  void anImageNeedsAnImageType() {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G'};
    assertThat(
            bot.post(
                    "/v1/line/send/image/",
                    MultipartBody.create()
                        .json("meta", meta("a.png"))
                        .part("file", "a.png", "image/png", png))
                .statusCode())
        .isEqualTo(200);

    HttpResponse<String> wrong =
        bot.post(
            "/v1/line/send/image/",
            MultipartBody.create()
                .json("meta", meta("a.txt"))
                .part("file", "a.txt", "text/plain", png));

    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThat(emulator.inspection().transcript(world.support.id(), world.user.id()))
        .extracting(TranscriptEntry::kind)
        .containsExactly(TranscriptEntry.Kind.IMAGE);
  }

  @Test
  void wrongPartNamesOrTypesAre400() {
    byte[] bytes = {1, 2, 3};
    assertThat(
            bot.post(
                    "/v1/line/send/file/",
                    MultipartBody.create()
                        .json("metadata", meta("x.bin"))
                        .part("file", "x.bin", "application/octet-stream", bytes))
                .body())
        .isEqualTo("{\"error\":\"Unexpected parts: [metadata]\"}");
    assertThat(
            bot.post(
                    "/v1/line/send/file/",
                    MultipartBody.create()
                        .json("meta", meta("x.bin"))
                        .part("document", "x.bin", "application/octet-stream", bytes))
                .statusCode())
        .isEqualTo(400);
    assertThat(
            bot.post(
                    "/v1/line/send/file/",
                    MultipartBody.create()
                        .part(
                            "meta",
                            null,
                            "text/plain",
                            meta("x.bin").getBytes(StandardCharsets.UTF_8))
                        .part("file", "x.bin", "application/octet-stream", bytes))
                .body())
        .isEqualTo("{\"error\":\"Part meta must be application/json\"}");
    assertThat(
            bot.post(
                    "/v1/line/send/file/",
                    MultipartBody.create()
                        .json("meta", meta("x.bin"))
                        .part("file", null, "application/octet-stream", bytes))
                .body())
        .isEqualTo("{\"error\":\"Part file must carry a filename\"}");
    assertThat(bot.postJson("/v1/line/send/file/", meta("x.bin")).statusCode()).isEqualTo(400);
    assertThat(emulator.inspection().transcript(world.support.id(), world.user.id())).isEmpty();
  }

  @Test
  void aFileOverThePlatformLimitIs413() {
    HttpResponse<String> response =
        bot.post(
            "/v1/line/send/file/",
            MultipartBody.create()
                .json("meta", meta("big.bin"))
                .part("file", "big.bin", "application/octet-stream", new byte[65]));

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(
            bot.post(
                    "/v1/line/send/file/",
                    MultipartBody.create()
                        .json("meta", meta("ok.bin"))
                        .part("file", "ok.bin", "application/octet-stream", new byte[64]))
                .statusCode())
        .isEqualTo(200);
  }

  @Test
  void aFileToANonSubscriberIsRefusedLikeAMessage() {
    emulator.world().ban(world.user.id(), world.support.id());

    HttpResponse<String> response =
        bot.post(
            "/v1/line/send/file",
            MultipartBody.create()
                .json("meta", meta("x.bin"))
                .part("file", "x.bin", "application/octet-stream", new byte[] {1}));

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body())
        .isEqualTo("{\"error\":\"User is not a subscriber or never been online\"}");
  }
}
