package io.omnichannel.core.usecase;

import static io.omnichannel.core.fakes.ChannelEvents.document;
import static io.omnichannel.core.fakes.ChannelEvents.photo;
import static io.omnichannel.core.fakes.ChannelEvents.privateMessage;
import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.core.domain.ChannelEvent;
import io.omnichannel.core.domain.ChannelEvent.MessageParts;
import io.omnichannel.core.domain.Connection;
import io.omnichannel.core.domain.InboundRecord;
import io.omnichannel.core.domain.LinePost;
import io.omnichannel.core.domain.MessageContent;
import io.omnichannel.core.domain.MessageContent.UnsupportedKind;
import io.omnichannel.core.domain.OutboundPost;
import io.omnichannel.core.domain.failure.PlatformUnavailable;
import io.omnichannel.core.fakes.CoreFixture;
import io.omnichannel.core.fakes.FakePlatform.Delivery;
import io.omnichannel.core.fakes.InMemoryQueue.Row;
import io.omnichannel.core.port.in.InboundGateway.Acceptance;
import io.omnichannel.core.port.in.RawEvent;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * One messenger message of several parts (MAX: several attachments) goes into the line part by
 * part, in order, the text once; a redelivery or a retry after a failure midway doubles none.
 */
class MessagePartsTest {
  private static final RetryPolicy RETRY =
      new RetryPolicy(Duration.ofSeconds(2), Duration.ofMinutes(1), 4, () -> 0.0);

  private final CoreFixture f = new CoreFixture();
  private final Connection connection = f.connectedLine("Поддержка", "Shop Bot", "shop_bot");
  private final Map<String, ChannelEvent> payloads = new HashMap<>();
  private final ProcessingInbox worker =
      f.channelInboxWorker(payloads, RETRY, ProcessingInbox.DEFAULT_ALBUM_WINDOW);

  @Test
  void threeImagesGoInOrderUnderAnIdEachTheFirstHeadedWithTheTextOnce() {
    assertThat(
            store(
                "m1",
                photo("p1", 1000, "Три скриншота"),
                photo("p2", 1000, null),
                photo("p3", 1000, null)))
        .isEqualTo(Acceptance.STORED);

    assertThat(worker.processNext()).isTrue();

    assertThat(files().stream().map(file -> file.source().toString())).hasSize(3);
    assertThat(files().stream().map(LinePost.File::comment))
        .containsExactly(
            Optional.of("Альбом: 3 фото\nТри скриншота"), Optional.empty(), Optional.empty());
    assertThat(externalIds())
        .containsExactly(eventId("m1"), eventId("m1") + "#2", eventId("m1") + "#3");
    assertThat(f.inbox.rows()).allMatch(Row::done);
  }

  @Test
  void anImageAndAFileAreCountedApart() {
    store("m1", photo("p1", 1000, null), document("d1", 1000, "Акт и фото"));

    worker.processNext();

    assertThat(files().stream().map(LinePost.File::comment))
        .containsExactly(Optional.of("Альбом: 1 фото, 1 файл\nАкт и фото"), Optional.empty());
  }

  @Test
  void aVoicePartIsToldToTheUserWhileTheTextAndTheLocationGoThrough() {
    store(
        "m1",
        new MessageContent.Text("Послушайте"),
        new MessageContent.Unsupported(UnsupportedKind.VOICE),
        new MessageContent.Location(55.7558, 37.6173, Optional.empty()));

    worker.processNext();

    assertThat(texts()).hasSize(3);
    assertThat(texts().get(0)).isEqualTo("Послушайте");
    assertThat(texts().get(1)).startsWith("[").contains("не поддерживается");
    assertThat(texts().get(2)).startsWith("📍 Геопозиция");
    assertThat(notices())
        .singleElement()
        .satisfies(notice -> assertThat(notice).contains("не поддерживается"));
  }

  @Test
  void aFailureMidwayIsRetriedWithoutDoublingAPartOrANotice() {
    MessageContent[] parts = {
      photo("p1", 1000, "Чек"),
      new MessageContent.Unsupported(UnsupportedKind.VOICE),
      document("d1", 1000, null)
    };
    store("m1", parts);
    f.platform.failDeliveryOf(eventId("m1") + "#3", new PlatformUnavailable("1C-Connect is away"));

    worker.processNext();
    assertThat(externalIds()).containsExactly(eventId("m1"), eventId("m1") + "#2");
    assertThat(f.inbox.rows()).noneMatch(Row::done);
    assertThat(notices()).as("the notice goes with the completion").isEmpty();

    f.clock.advance(Duration.ofSeconds(2));
    assertThat(store("m1", parts)).as("redelivered").isEqualTo(Acceptance.DUPLICATE);
    worker.processNext();

    assertThat(externalIds())
        .containsExactly(eventId("m1"), eventId("m1") + "#2", eventId("m1") + "#3");
    assertThat(notices()).hasSize(1);
    assertThat(f.inbox.rows()).allMatch(Row::done);
    assertThat(worker.processNext()).isFalse();
  }

  @Test
  void aPartsIdFitsTheStoreHoweverLongTheEventsIs() {
    String longest = "max:1:" + "m".repeat(InboundRecord.MAX_EVENT_ID - 6);

    String second = RelayToLine.partId(longest, 1);

    assertThat(RelayToLine.partId(longest, 0)).isEqualTo(longest);
    assertThat(second).hasSizeLessThanOrEqualTo(InboundRecord.MAX_EVENT_ID).endsWith("#2");
    assertThat(RelayToLine.partId(longest, 1)).isEqualTo(second);
    assertThat(RelayToLine.partId(longest, 2)).isNotEqualTo(second);
  }

  private Acceptance store(String sourceId, MessageContent... contents) {
    for (MessageContent content : contents) {
      if (content instanceof MessageContent.Image image) {
        f.messenger.file(image.file().ref(), 1000);
      } else if (content instanceof MessageContent.Document document) {
        f.messenger.file(document.file().ref(), 1000);
      }
    }
    String payload = "payload-" + sourceId;
    payloads.putIfAbsent(
        payload,
        new MessageParts(
            Arrays.stream(contents)
                .map(content -> privateMessage("501", "Иван Петров", content))
                .toList()));
    return f.accepting.acceptPolledUpdate(connection.id(), new RawEvent(sourceId, "501", payload));
  }

  private String eventId(String sourceId) {
    return "telegram:" + connection.bot().id().value() + ":" + sourceId;
  }

  private List<LinePost.File> files() {
    return f.platform.deliveredFiles();
  }

  private List<String> texts() {
    return f.platform.deliveries().stream()
        .map(Delivery::post)
        .filter(LinePost.Text.class::isInstance)
        .map(post -> ((LinePost.Text) post).text())
        .toList();
  }

  private List<String> externalIds() {
    return f.platform.deliveredExternalIds();
  }

  private List<String> notices() {
    return f.outbox.rows().stream()
        .map(row -> row.item().post())
        .filter(OutboundPost.Text.class::isInstance)
        .map(post -> ((OutboundPost.Text) post).text())
        .toList();
  }
}
