package io.omnichannel.testkit.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FilesTest extends EmulatorTest {
  private static final long MB = 1024 * 1024;

  @BeforeEach
  void aliceWrites() {
    emulator.bot(token).user(ALICE).sendsText("hi");
  }

  @Test
  void uploadedPhotoIsAnsweredInSizesAndRecordedWithItsHash() {
    byte[] photo = "not really a jpeg".getBytes(StandardCharsets.UTF_8);

    JsonNode message =
        api.multipart(
                token,
                "sendPhoto",
                new Multipart()
                    .field("chat_id", "" + ALICE.id())
                    .field("caption", "the receipt")
                    .file("photo", "receipt.jpg", "image/jpeg", photo))
            .result();

    JsonNode sizes = message.get("photo");
    assertThat(sizes.size()).isGreaterThanOrEqualTo(2);
    assertThat(sizes.get(sizes.size() - 1).get("file_size").asLong()).isEqualTo(photo.length);
    assertThat(message.get("caption").asText()).isEqualTo("the receipt");
    SentMessage sent = emulator.sentMessages(token, ALICE.id()).get(0);
    assertThat(sent.method()).isEqualTo("sendPhoto");
    assertThat(sent.file().fileName()).isEqualTo("receipt.jpg");
    assertThat(sent.file().mimeType()).isEqualTo("image/jpeg");
    assertThat(sent.file().size()).isEqualTo(photo.length);
    assertThat(sent.file().sha256()).isEqualTo(Sha256.hex(photo));
  }

  @Test
  void photoOverTenMegabytesIsTooLarge() {
    ApiResponse accepted = sendGenerated("sendPhoto", "photo", "big.jpg", "image/jpeg", 10 * MB);
    ApiResponse rejected =
        sendGenerated("sendPhoto", "photo", "huge.jpg", "image/jpeg", 10 * MB + 1);

    assertThat(accepted.status()).isEqualTo(200);
    assertThat(rejected.status()).isEqualTo(413);
    assertThat(rejected.description()).isEqualTo("Request Entity Too Large");
    assertThat(emulator.sentCount(token, ALICE.id())).isEqualTo(1);
  }

  @Test
  void documentUpToFiftyMegabytesIsAcceptedAndBeyondIsTooLarge() {
    ApiResponse accepted =
        sendGenerated("sendDocument", "document", "backup.zip", "application/zip", 50 * MB);
    ApiResponse rejected =
        sendGenerated("sendDocument", "document", "bigger.zip", "application/zip", 52 * MB);

    assertThat(accepted.status()).isEqualTo(200);
    assertThat(accepted.result().at("/document/file_name").asText()).isEqualTo("backup.zip");
    assertThat(accepted.result().at("/document/mime_type").asText()).isEqualTo("application/zip");
    assertThat(accepted.result().at("/document/file_size").asLong()).isEqualTo(50 * MB);
    assertThat(rejected.status()).isEqualTo(413);
    assertThat(rejected.description()).isEqualTo("Request Entity Too Large");
  }

  @Test
  void aChunkedUploadOverTheLimitIsTooLargeToo() {
    Multipart body =
        new Multipart()
            .field("chat_id", "" + ALICE.id())
            .generatedFile("document", "endless.bin", "application/octet-stream", 52 * MB);

    ApiResponse rejected =
        api.send(
            java.net.http.HttpRequest.newBuilder(api.uri(token, "sendDocument"))
                .header("Content-Type", body.contentType())
                .POST(body.chunkedPublisher())
                .build());

    assertThat(rejected.status()).isEqualTo(413);
    assertThat(rejected.description()).isEqualTo("Request Entity Too Large");
    assertThat(emulator.sentCount(token, ALICE.id())).isZero();
  }

  @Test
  void captionOver1024CharactersIsRejected() {
    ApiResponse response =
        api.multipart(
            token,
            "sendDocument",
            new Multipart()
                .field("chat_id", "" + ALICE.id())
                .field("caption", "c".repeat(1025))
                .file("document", "a.txt", "text/plain", new byte[] {1}));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.description()).isEqualTo("Bad Request: message caption is too long");
  }

  @Test
  void filesCanBeResentByFileIdAndUnknownIdsAreRejected() {
    String fileId =
        api.multipart(
                token,
                "sendDocument",
                new Multipart()
                    .field("chat_id", "" + ALICE.id())
                    .file("document", "a.txt", "text/plain", new byte[] {1, 2}))
            .result()
            .at("/document/file_id")
            .asText();

    JsonNode again =
        api.form(token, "sendDocument", Map.of("chat_id", ALICE.id(), "document", fileId)).result();
    ApiResponse unknown =
        api.form(token, "sendDocument", Map.of("chat_id", ALICE.id(), "document", "nope"));

    assertThat(again.at("/document/file_id").asText()).isEqualTo(fileId);
    assertThat(unknown.description())
        .isEqualTo("Bad Request: wrong file identifier/HTTP URL specified");
  }

  @Test
  void getFileAndDownloadGiveTheBytesTheUserSent() {
    byte[] content = "a user's document".getBytes(StandardCharsets.UTF_8);
    InjectedUpdate update =
        emulator.bot(token).user(ALICE).sendsDocument("note.txt", "text/plain", content);
    String fileId = Json.parse(update.json()).at("/message/document/file_id").asText();

    JsonNode file = api.form(token, "getFile", Map.of("file_id", fileId)).result();
    HttpResponse<byte[]> download = api.download(token, file.get("file_path").asText());

    assertThat(file.get("file_size").asLong()).isEqualTo(content.length);
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.body()).isEqualTo(content);
    assertThat(api.download(token, "documents/missing.txt").statusCode()).isEqualTo(404);
  }

  @Test
  void declaredFilesAreGeneratedAtTheirSizeAndOverTwentyMegabytesAreTooBig() {
    InjectedUpdate photo = emulator.bot(token).user(ALICE).sendsPhoto("big", 20 * MB + 1);
    InjectedUpdate small = emulator.bot(token).user(ALICE).sendsPhoto("small", 300_000);
    JsonNode bigSizes = Json.parse(photo.json()).at("/message/photo");
    JsonNode smallSizes = Json.parse(small.json()).at("/message/photo");

    ApiResponse tooBig =
        api.form(
            token,
            "getFile",
            Map.of("file_id", bigSizes.get(bigSizes.size() - 1).get("file_id").asText()));
    JsonNode file =
        api.form(
                token,
                "getFile",
                Map.of("file_id", smallSizes.get(smallSizes.size() - 1).get("file_id").asText()))
            .result();

    assertThat(tooBig.status()).isEqualTo(400);
    assertThat(tooBig.description()).isEqualTo("Bad Request: file is too big");
    assertThat(api.download(token, file.get("file_path").asText()).body()).hasSize(300_000);
  }

  /** Sends ALICE a generated file of this size with the method. */
  private ApiResponse sendGenerated(
      String method, String field, String fileName, String mimeType, long size) {
    return api.multipart(
        token,
        method,
        new Multipart()
            .field("chat_id", "" + ALICE.id())
            .generatedFile(field, fileName, mimeType, size));
  }
}
