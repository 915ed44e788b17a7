package io.omnichannel.core.usecase;

import static io.omnichannel.core.fakes.ChannelEvents.document;
import static io.omnichannel.core.fakes.ChannelEvents.photo;
import static io.omnichannel.core.fakes.ChannelEvents.privateMessage;
import static io.omnichannel.core.fakes.ChannelEvents.privateText;
import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.core.domain.ChannelEvent;
import io.omnichannel.core.domain.Connection;
import io.omnichannel.core.domain.FileRef;
import io.omnichannel.core.domain.LinePost;
import io.omnichannel.core.domain.MessageContent;
import io.omnichannel.core.domain.MessageContext;
import io.omnichannel.core.domain.failure.PlatformUnavailable;
import io.omnichannel.core.fakes.CoreFixture;
import io.omnichannel.core.fakes.InMemoryQueue.Row;
import io.omnichannel.core.port.in.InboundGateway.Acceptance;
import io.omnichannel.core.port.in.RawEvent;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** An album's items, stored one row each, go into the line as one unit. */
class AlbumGatheringTest {
  private static final Duration WINDOW = Duration.ofSeconds(1);
  private static final RetryPolicy RETRY =
      new RetryPolicy(Duration.ofSeconds(2), Duration.ofMinutes(1), 4, () -> 0.0);

  private final CoreFixture f = new CoreFixture();
  private final Connection connection = f.connectedLine("Поддержка", "Shop Bot", "shop_bot");
  private final Map<String, ChannelEvent> payloads = new HashMap<>();
  private final ProcessingInbox worker = f.channelInboxWorker(payloads, RETRY, WINDOW);

  @Test
  void anAlbumWaitsItsWindowThenGoesAsOneUnitWithTheCaptionOfALaterItem() {
    item("1", "g1", photo("p1", 1000, null));
    item("2", "g1", photo("p2", 1000, "Вот чек"));
    item("3", "g1", photo("p3", 1000, null));

    assertThat(worker.processNext()).as("the first item is postponed").isTrue();
    assertThat(worker.processNext()).as("the rest queue behind it").isFalse();
    assertThat(f.platform.deliveries()).isEmpty();

    f.clock.advance(WINDOW);
    assertThat(worker.processNext()).isTrue();

    assertThat(files()).extracting(file -> file.source().toString()).hasSize(3);
    assertThat(comments())
        .containsExactly(
            Optional.of("Альбом: 3 фото\nВот чек"), Optional.empty(), Optional.empty());
    assertThat(externalIds()).containsExactly(eventId("1"), eventId("2"), eventId("3"));
    assertThat(f.inbox.rows()).allMatch(Row::done);
    assertThat(worker.processNext()).isFalse();
  }

  @Test
  void photosAndDocumentsAreCountedApartAndTheChatsNextMessageKeepsItsTurn() {
    item("1", "g1", photo("p1", 1000, "Документы"));
    item("2", "g1", photo("p2", 1000, null));
    item("3", "g1", document("d1", 1000, null));
    text("4", "А это после альбома");

    worker.processNext();
    f.clock.advance(WINDOW);
    while (worker.processNext()) {}

    assertThat(comments().get(0)).contains("Альбом: 2 фото, 1 файл\nДокументы");
    assertThat(f.platform.deliveries())
        .extracting(delivery -> delivery.post().externalId())
        .containsExactly(eventId("1"), eventId("2"), eventId("3"), eventId("4"));
  }

  @Test
  void anItemStoredAfterItsAlbumWentGoesOnItsOwnAsAContinuation() {
    item("1", "g1", photo("p1", 1000, "Первые"));
    item("2", "g1", photo("p2", 1000, null));
    worker.processNext();
    f.clock.advance(WINDOW);
    worker.processNext();

    item("3", "g1", photo("p3", 1000, null));
    worker.processNext();
    f.clock.advance(WINDOW);
    worker.processNext();

    assertThat(comments())
        .containsExactly(
            Optional.of("Альбом: 2 фото\nПервые"),
            Optional.empty(),
            Optional.of("Альбом (продолжение)"));
    assertThat(f.inbox.rows()).allMatch(Row::done);
  }

  @Test
  void aFailureBetweenItemsLosesNothingAndDoublesNothing() {
    item("1", "g1", photo("p1", 1000, null));
    item("2", "g1", photo("p2", 1000, "Подпись"));
    item("3", "g1", photo("p3", 1000, null));
    worker.processNext();
    f.clock.advance(WINDOW);
    f.platform.failDeliveryOf(eventId("2"), new PlatformUnavailable("1C-Connect is away"));

    worker.processNext();
    assertThat(externalIds()).containsExactly(eventId("1"));
    assertThat(f.inbox.rows()).noneMatch(Row::done);

    f.clock.advance(Duration.ofSeconds(2));
    worker.processNext();

    assertThat(externalIds()).containsExactly(eventId("1"), eventId("2"), eventId("3"));
    assertThat(f.inbox.rows()).allMatch(Row::done);
  }

  @Test
  void anEditedItemGoesOnItsOwnWithoutWaiting() {
    MessageContext edit = new MessageContext(true, Optional.empty(), Optional.of("g1"));
    f.messenger.file(new FileRef("p1"), 1000);
    store("1", privateMessage("501", "Иван Петров", photo("p1", 1000, "Исправил"), edit));

    assertThat(worker.processNext()).isTrue();

    assertThat(comments()).singleElement().isEqualTo(Optional.of("✏️ Изменено: Исправил"));
  }

  private void item(String updateId, String group, MessageContent content) {
    MessageContent.Image image = content instanceof MessageContent.Image i ? i : null;
    FileRef ref =
        image != null ? image.file().ref() : ((MessageContent.Document) content).file().ref();
    f.messenger.file(ref, 1000);
    MessageContext context = new MessageContext(false, Optional.empty(), Optional.of(group));
    store(updateId, privateMessage("501", "Иван Петров", content, context));
  }

  private void text(String updateId, String text) {
    store(updateId, privateText("501", "Иван Петров", text));
  }

  private void store(String updateId, ChannelEvent event) {
    payloads.put("payload-" + updateId, event);
    assertThat(
            f.accepting.acceptPolledUpdate(
                connection.id(), new RawEvent(updateId, "501", "payload-" + updateId)))
        .isEqualTo(Acceptance.STORED);
  }

  private String eventId(String updateId) {
    return "telegram:" + connection.bot().id().value() + ":" + updateId;
  }

  private List<LinePost.File> files() {
    return f.platform.deliveredFiles();
  }

  private List<Optional<String>> comments() {
    return files().stream().map(LinePost.File::comment).toList();
  }

  private List<String> externalIds() {
    return f.platform.deliveredExternalIds();
  }
}
