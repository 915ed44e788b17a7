package io.omnichannel.oneconnect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnichannel.core.domain.LimitCheck.FileKind;
import io.omnichannel.core.domain.LineAccess;
import io.omnichannel.core.domain.LinePost;
import io.omnichannel.core.domain.PlatformUserId;
import io.omnichannel.core.domain.failure.PlatformRejected;
import io.omnichannel.core.port.out.DeliveryOutcome;
import io.omnichannel.testkit.oneconnect.RecordedPart;
import io.omnichannel.testkit.oneconnect.RecordedRequest;
import io.omnichannel.testkit.oneconnect.TranscriptEntry;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * §4's assumed receive calls: text, files and images into the line as the user, idempotent by
 * external id.
 */
class DeliverFromUserTest extends SharedEmulator {

  @Test
  void aTextLandsInTheLineAsTheUserWithItsExternalId() {
    LineAccess connection = world.connection();

    world
        .platform()
        .deliverFromUser(connection, user(), new LinePost.Text("Здравствуйте", "tg:1:100"));

    List<TranscriptEntry> chat =
        emulator.inspection().transcript(world.support.id(), world.user.id());
    assertThat(chat)
        .singleElement()
        .satisfies(
            entry -> {
              assertThat(entry.direction()).isEqualTo(TranscriptEntry.Direction.TO_LINE);
              assertThat(entry.authorId()).isEqualTo(world.user.id());
              assertThat(entry.text()).isEqualTo("Здравствуйте");
              assertThat(entry.externalId()).isEqualTo("tg:1:100");
            });
  }

  @Test
  void theSameExternalIdDeliveredTwiceIsOneMessage() {
    LineAccess connection = world.connection();

    world.platform().deliverFromUser(connection, user(), new LinePost.Text("once", "tg:1:101"));
    world.platform().deliverFromUser(connection, user(), new LinePost.Text("once", "tg:1:101"));

    assertThat(emulator.inspection().transcript(world.support.id(), world.user.id())).hasSize(1);
    assertThat(
            emulator.inspection().requests().stream()
                .filter(
                    r ->
                        r.path().equals("/v1/line/receive/message/")
                            && r.body().contains("tg:1:101")))
        .hasSize(2);
  }

  @Test
  void aBannedUserIsLineSwitchedOff() {
    emulator.world().ban(world.user.id(), world.support.id());

    assertThat(
            world
                .platform()
                .deliverFromUser(
                    world.connection(), user(), new LinePost.Text("hello", "tg:1:102")))
        .isEqualTo(new DeliveryOutcome.UserBanned());
    assertThat(emulator.inspection().transcript(world.support.id(), world.user.id())).isEmpty();
  }

  @Test
  void theTariffOptionOffIsTariffOptionOff() {
    emulator.world().setExternalChannels(world.company.id(), false);

    assertThat(
            world
                .platform()
                .deliverFromUser(
                    world.connection(), user(), new LinePost.Text("hello", "tg:1:103")))
        .isEqualTo(new DeliveryOutcome.TariffOptionOff());
  }

  @Test
  void anUnknownUserIsNotFound() {
    assertThatThrownBy(
            () ->
                world
                    .platform()
                    .deliverFromUser(
                        world.connection(),
                        new PlatformUserId("nobody"),
                        new LinePost.Text("hello", "tg:1:104")))
        .isInstanceOfSatisfying(
            PlatformRejected.class,
            e -> assertThat(e.code()).isEqualTo("HTTP 404: User not found"));
  }

  @Test
  void aFileIsUploadedAsMetaAndFilePartsNamedAndTypedExactly() {
    byte[] bytes = "%PDF-1.4 report".getBytes(StandardCharsets.US_ASCII);
    AtomicInteger opened = new AtomicInteger();

    world
        .platform()
        .deliverFromUser(
            world.connection(),
            user(),
            new LinePost.File(
                FileKind.FILE,
                "отчёт.pdf",
                "application/pdf",
                bytes.length,
                () -> {
                  opened.incrementAndGet();
                  return new ByteArrayInputStream(bytes);
                },
                Optional.of("см. вложение"),
                "tg:1:105"));

    assertThat(opened).hasValue(1);
    RecordedRequest request =
        emulator
            .inspection()
            .awaitRequest(r -> r.path().equals("/v1/line/receive/file/"), Duration.ofSeconds(2));
    assertThat(request.status()).isEqualTo(200);
    assertThat(request.contentType()).startsWith("multipart/form-data; boundary=");
    assertThat(request.parts()).extracting(RecordedPart::name).containsExactly("meta", "file");
    RecordedPart meta = request.parts().get(0);
    assertThat(meta.contentType()).isEqualTo("application/json");
    assertThat(meta.fileName()).isNull();
    assertThat(meta.text())
        .contains(
            "\"line_id\":\"" + world.support.id() + "\"",
            "\"user_id\":\"" + world.user.id() + "\"",
            "\"file_name\":\"отчёт.pdf\"",
            "\"comment\":\"см. вложение\"",
            "\"external_id\":\"tg:1:105\"");
    RecordedPart file = request.parts().get(1);
    assertThat(file.contentType()).isEqualTo("application/pdf");
    assertThat(file.fileName()).isEqualTo("отчёт.pdf");
    assertThat(file.size()).isEqualTo(bytes.length);
    TranscriptEntry entry =
        emulator.inspection().transcript(world.support.id(), world.user.id()).get(0);
    assertThat(entry.kind()).isEqualTo(TranscriptEntry.Kind.FILE);
    assertThat(entry.file().name()).isEqualTo("отчёт.pdf");
    assertThat(entry.file().size()).isEqualTo(bytes.length);
    assertThat(entry.text()).isEqualTo("см. вложение");
  }

  @Test
  void anImageGoesToTheImageCallAndAFileRetriedWithItsExternalIdLandsOnce() {
    byte[] png = new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
    LinePost.File image =
        new LinePost.File(
            FileKind.IMAGE,
            "photo.png",
            "image/png",
            png.length,
            () -> new ByteArrayInputStream(png),
            Optional.empty(),
            "tg:1:106");

    world.platform().deliverFromUser(world.connection(), user(), image);
    world.platform().deliverFromUser(world.connection(), user(), image);

    List<TranscriptEntry> chat =
        emulator.inspection().transcript(world.support.id(), world.user.id());
    assertThat(chat)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo(TranscriptEntry.Kind.IMAGE);
              assertThat(e.file().mime()).isEqualTo("image/png");
            });
    assertThat(emulator.inspection().requests())
        .filteredOn(r -> r.path().equals("/v1/line/receive/image/"))
        .hasSize(2);
  }

  private PlatformUserId user() {
    return new PlatformUserId(world.user.id());
  }
}
