package io.omnichannel.testkit.max;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnichannel.testkit.support.ManualTicker;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The three-step upload flow, attachment.not.ready, and downloads of incoming attachments. */
class UploadsAndFilesTest extends MaxEmulatorTest {
  private final ManualTicker clock = new ManualTicker();
  private long chatId;

  @Override
  MaxEmulatorConfig config() {
    return super.config().withTicker(clock).withAttachmentNotReadyFor(Duration.ofSeconds(1));
  }

  @BeforeEach
  void dialog() {
    MaxDialogScenario alice = emulator.bot(token).dialog(ALICE);
    alice.startsBot();
    chatId = alice.chatId();
  }

  private String uploadToken(String type, String fileName, byte[] bytes) {
    JsonNode slot = api.post("/uploads?type=" + type, "").json();
    MaxApiClient.Response uploaded = api.upload(slot.path("url").asText(), "data", fileName, bytes);
    assertThat(uploaded.status()).isEqualTo(200);
    return uploaded.json().path("token").asText();
  }

  @Test
  void fileIsNotReadyForAWhileThenSentAndDownloadable() throws Exception {
    byte[] bytes = "report contents".getBytes(StandardCharsets.UTF_8);
    String fileToken = uploadToken("file", "report.pdf", bytes);
    String body =
        "{\"text\":\"here\",\"attachments\":[{\"type\":\"file\",\"payload\":{\"token\":\""
            + fileToken
            + "\"}}]}";

    MaxApiClient.Response early = api.post("/messages?chat_id=" + chatId, body);
    clock.advance(Duration.ofSeconds(1));
    MaxApiClient.Response sent = api.post("/messages?chat_id=" + chatId, body);

    assertThat(early.status()).isEqualTo(400);
    assertThat(early.code()).isEqualTo("attachment.not.ready");
    assertThat(early.message()).isEqualTo("Key: errors.process.attachment.file.not.processed");
    assertThat(sent.status()).isEqualTo(200);
    JsonNode attachment = sent.json().at("/message/body/attachments/0");
    assertThat(attachment.path("type").asText()).isEqualTo("file");
    assertThat(attachment.path("filename").asText()).isEqualTo("report.pdf");
    assertThat(attachment.path("size").asLong()).isEqualTo(bytes.length);
    MaxSentAttachment inspected = emulator.sentMessages(token, chatId).get(0).attachments().get(0);
    assertThat(inspected.fileName()).isEqualTo("report.pdf");
    assertThat(inspected.sha256())
        .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
    HttpResponse<byte[]> download = api.download(attachment.at("/payload/url").asText());
    assertThat(download.body()).isEqualTo(bytes);
  }

  @Test
  void imageAnswersPhotosAndIsAcceptedInThatFormAndAsToken() {
    clock.advance(Duration.ofSeconds(5));
    JsonNode slot = api.post("/uploads?type=image", "").json();
    JsonNode photos =
        api.upload(slot.path("url").asText(), "data", "cat.png", new byte[] {1, 2, 3})
            .json()
            .path("photos");
    clock.advance(Duration.ofSeconds(1));
    String photoToken = photos.elements().next().path("token").asText();

    MaxApiClient.Response asPhotos =
        api.post(
            "/messages?chat_id=" + chatId,
            "{\"attachments\":[{\"type\":\"image\",\"payload\":{\"photos\":" + photos + "}}]}");
    MaxApiClient.Response asToken =
        api.post(
            "/messages?chat_id=" + chatId,
            "{\"attachments\":[{\"type\":\"image\",\"payload\":{\"token\":\""
                + photoToken
                + "\"}}]}");

    assertThat(slot.has("token")).as("images get their token after the upload").isFalse();
    assertThat(photos.size()).isEqualTo(1);
    assertThat(asPhotos.status()).isEqualTo(200);
    assertThat(asToken.status()).isEqualTo(200);
    assertThat(asToken.json().at("/message/body/attachments/0/payload/photo_id").asLong())
        .isPositive();
  }

  @Test
  void videoGetsItsTokenFirstAndTheUploadAnswersXml() {
    JsonNode slot = api.post("/uploads?type=video", "").json();
    MaxApiClient.Response uploaded =
        api.upload(slot.path("url").asText(), "data", "clip.mp4", new byte[10]);

    assertThat(slot.path("token").asText()).isNotBlank();
    assertThat(uploaded.status()).isEqualTo(200);
    assertThat(uploaded.raw()).isEqualTo("<retval>1</retval>");
  }

  @Test
  void uploadMistakesAreRefused() {
    MaxApiClient.Response photo = api.post("/uploads?type=photo", "");
    JsonNode slot = api.post("/uploads?type=file", "").json();
    MaxApiClient.Response wrongPart =
        api.upload(slot.path("url").asText(), "file", "a.txt", new byte[] {1});
    MaxApiClient.Response reused =
        api.upload(slot.path("url").asText(), "data", "a.txt", new byte[] {1});
    MaxApiClient.Response unknownToken =
        api.post(
            "/messages?chat_id=" + chatId,
            "{\"attachments\":[{\"type\":\"file\",\"payload\":{\"token\":\"nope\"}}]}");

    assertThat(photo.status()).isEqualTo(400);
    assertThat(wrongPart.status()).isEqualTo(400);
    assertThat(wrongPart.message()).contains("data");
    assertThat(reused.status()).as("one URL takes one file").isEqualTo(400);
    assertThat(unknownToken.status()).isEqualTo(400);
  }

  @Test
  void incomingFileAndImageDownloadWithTheirSize() {
    MaxDialogScenario alice = emulator.bot(token).dialog(ALICE);
    alice.sendsFile("scan.pdf", 3_000);
    alice.sendsImage("look", 70_000);

    JsonNode updates = api.get("/updates?timeout=0").json().path("updates");
    JsonNode file = updates.get(1).at("/message/body/attachments/0");
    JsonNode image = updates.get(2).at("/message/body/attachments/0");
    HttpResponse<byte[]> fileBytes = api.download(file.at("/payload/url").asText());
    HttpResponse<byte[]> imageBytes = api.download(image.at("/payload/url").asText());

    assertThat(file.path("filename").asText()).isEqualTo("scan.pdf");
    assertThat(file.path("size").asLong()).isEqualTo(3_000);
    assertThat(fileBytes.headers().firstValueAsLong("Content-Length").orElse(-1)).isEqualTo(3_000);
    assertThat(fileBytes.body()).hasSize(3_000);
    assertThat(image.at("/payload/photo_id").asLong()).isPositive();
    assertThat(updates.get(2).at("/message/body/text").asText()).isEqualTo("look");
    assertThat(imageBytes.body()).hasSize(70_000);
    assertThat(api.download(emulator.baseUrl() + "/files/unknown").statusCode()).isEqualTo(404);
  }

  @Test
  void headOfADownloadGivesTheSizeWithoutTheBody() throws Exception {
    emulator.bot(token).dialog(ALICE).sendsFile("big.bin", 5_000_000);
    String url =
        api.get("/updates?timeout=0")
            .json()
            .at("/updates/1/message/body/attachments/0/payload/url")
            .asText();

    java.net.http.HttpResponse<Void> head =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                    .method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody())
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());

    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.headers().firstValueAsLong("Content-Length").orElse(-1)).isEqualTo(5_000_000);
  }

  @Test
  void videoIsSentWithTheTokenFromStepOneAndAFileTokenIsNoImage() {
    JsonNode slot = api.post("/uploads?type=video", "").json();
    api.upload(slot.path("url").asText(), "data", "clip.mp4", new byte[32]);
    String fileToken = uploadToken("file", "a.txt", new byte[] {1});
    clock.advance(Duration.ofSeconds(1));

    MaxApiClient.Response video =
        api.post(
            "/messages?chat_id=" + chatId,
            "{\"attachments\":[{\"type\":\"video\",\"payload\":{\"token\":\""
                + slot.path("token").asText()
                + "\"}}]}");
    MaxApiClient.Response fileAsImage =
        api.post(
            "/messages?chat_id=" + chatId,
            "{\"attachments\":[{\"type\":\"image\",\"payload\":{\"token\":\""
                + fileToken
                + "\"}}]}");

    assertThat(video.status()).isEqualTo(200);
    assertThat(video.json().at("/message/body/attachments/0/type").asText()).isEqualTo("video");
    assertThat(emulator.sentMessages(token, chatId).get(0).attachments().get(0).size())
        .isEqualTo(32);
    assertThat(fileAsImage.status()).isEqualTo(400);
  }
}
