package io.omnichannel.max;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.core.domain.ChannelCatalog;
import io.omnichannel.core.domain.ChannelEvent;
import io.omnichannel.core.domain.Connection;
import io.omnichannel.core.domain.InboundRecord;
import io.omnichannel.core.domain.LinePost;
import io.omnichannel.core.domain.Secret;
import io.omnichannel.core.fakes.FakePlatform;
import io.omnichannel.core.fakes.InMemoryAccounts;
import io.omnichannel.core.fakes.InMemoryLogs;
import io.omnichannel.core.fakes.InMemoryTopicNames;
import io.omnichannel.core.usecase.RelayToLine;
import io.omnichannel.testkit.max.MaxBotInfo;
import io.omnichannel.testkit.max.MaxGroupScenario;
import io.omnichannel.testkit.max.MaxInjected;
import io.omnichannel.testkit.max.MaxUser;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * MAX updates from the emulator through this adapter into the core's real {@link RelayToLine}, on
 * an in-memory 1C-Connect: every attachment of a message, and a group's real title.
 */
class RelayIntoTheLineTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final MaxUser ALICE = MaxUser.of(42, "Alice", "Smith", "alice");
  private static final MaxUser BORIS = MaxUser.of(43, "Борис");

  private final World world = new World();
  private final Max max = world.max(world.config(MaxConfig.ReceiveMode.POLLING));
  private final MaxBotInfo bot = world.newBot();
  private final Secret secret = Secret.of("webhook_secret-123");
  private final Connection connection = world.connect(bot, secret);
  private final FakePlatform platform = new FakePlatform();
  private final RelayToLine relay =
      new RelayToLine(
          platform,
          max.messengerChannel(),
          new ChannelCatalog(List.of(max.messengerChannel().describe())),
          new InMemoryAccounts(world.core.connections::find),
          new InMemoryTopicNames(world.core.connections::find),
          world.core.connections,
          new InMemoryLogs(),
          Clock.systemUTC());

  @AfterEach
  void close() {
    world.close();
  }

  private List<InboundRecord> relayStored(int count) {
    Core.await(count + " updates stored", WAIT, () -> world.core.stored().size() >= count);
    List<InboundRecord> stored = world.core.stored();
    for (InboundRecord record : stored) {
      relay(record);
    }
    return stored;
  }

  private void relay(InboundRecord record) {
    ChannelEvent event = max.updateDecoder().decode(record.payload());
    relay.relay(connection, event, record.eventId());
  }

  private List<LinePost.File> files() {
    return platform.deliveredFiles();
  }

  /** The bot, made an admin of a new group by Boris, receives his text. */
  private void borisWritesInANewGroup(long chatId, String title, String text) {
    max.messengerChannel().startReceiving(connection.id(), connection.botAccess(), secret);
    MaxGroupScenario group = world.emulator.bot(bot.token()).group(chatId, title);
    group.addsBot(BORIS);
    group.makesBotAdmin();
    group.member(BORIS).sendsText(text);
  }

  @Test
  void everyAttachmentOfAMessageGoesIntoTheLineInOrderWithTheTextOnceAndNoneTwice()
      throws Exception {
    max.messengerChannel().startReceiving(connection.id(), connection.botAccess(), secret);
    MaxInjected sent =
        world
            .emulator
            .bot(bot.token())
            .dialog(ALICE)
            .sendsImagesAndFiles(
                "Документы по заказу", List.of(1_000L, 2_000L), List.of("Акт.pdf"), 3_000);

    InboundRecord record = relayStored(1).get(0);
    relay(record); // handled again, as after a crash before its completion

    String eventId = "max:" + bot.userId() + ":" + sent.mid();
    assertThat(record.eventId()).isEqualTo(eventId);
    assertThat(files())
        .extracting(LinePost.File::externalId)
        .containsExactly(eventId, eventId + "#2", eventId + "#3");
    assertThat(files())
        .extracting(LinePost.File::comment)
        .containsExactly(
            Optional.of("Альбом: 2 фото, 1 файл\nДокументы по заказу"),
            Optional.empty(),
            Optional.empty());
    assertThat(files().get(2).fileName()).isEqualTo("Акт.pdf");
    assertThat(files())
        .extracting(LinePost.File::sizeBytes)
        .containsExactly(1_000L, 2_000L, 3_000L);
    for (LinePost.File file : files()) {
      try (InputStream in = file.source().open()) {
        assertThat(in.transferTo(OutputStream.nullOutputStream())).isEqualTo(file.sizeBytes());
      }
    }
  }

  @Test
  void aGroupsAccountIsNamedAfterItsTitleAskedOfMax() {
    borisWritesInANewGroup(-70801090403070L, "Бухгалтерия", "Добрый день");

    relayStored(2);

    assertThat(platform.users())
        .singleElement()
        .satisfies(user -> assertThat(user.name()).isEqualTo("Бухгалтерия"));
    assertThat(platform.deliveries())
        .singleElement()
        .satisfies(
            delivery ->
                assertThat(((LinePost.Text) delivery.post()).text())
                    .isEqualTo("Борис: Добрый день"));
  }

  @Test
  void aTitleMaxDoesNotGiveLeavesTheFallbackName() {
    borisWritesInANewGroup(-70801090403071L, "Склад", "Есть вопрос");
    world.emulator.failNext(bot.token(), "GET /chats", 503, "service.unavailable", "busy");

    relayStored(2);

    assertThat(platform.users())
        .singleElement()
        .satisfies(user -> assertThat(user.name()).isEqualTo("Группа -70801090403071"));
    assertThat(platform.deliveries()).hasSize(1);
  }
}
