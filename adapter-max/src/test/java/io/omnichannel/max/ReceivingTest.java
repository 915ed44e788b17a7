package io.omnichannel.max;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.core.domain.Attachment;
import io.omnichannel.core.domain.ChannelEvent;
import io.omnichannel.core.domain.ChannelEvent.ChannelMessage;
import io.omnichannel.core.domain.ChannelEvent.Membership;
import io.omnichannel.core.domain.ChannelEvent.MembershipChanged;
import io.omnichannel.core.domain.ChatKind;
import io.omnichannel.core.domain.Connection;
import io.omnichannel.core.domain.InboundRecord;
import io.omnichannel.core.domain.MessageContent;
import io.omnichannel.core.domain.RemoteFile;
import io.omnichannel.core.domain.Secret;
import io.omnichannel.core.port.out.ChannelHealth;
import io.omnichannel.core.port.out.MessengerChannel;
import io.omnichannel.testkit.max.MaxBotInfo;
import io.omnichannel.testkit.max.MaxDialogScenario;
import io.omnichannel.testkit.max.MaxEmulatorConfig;
import io.omnichannel.testkit.max.MaxGroupScenario;
import io.omnichannel.testkit.max.MaxInjected;
import io.omnichannel.testkit.max.MaxRateLimits;
import io.omnichannel.testkit.max.MaxUser;
import io.omnichannel.testkit.max.MaxWebhookDelivery;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Receiving from the MAX emulator: long polling with markers, the webhook, files, the probe. */
class ReceivingTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final MaxUser ALICE = MaxUser.of(42, "Alice", "Smith", "alice");
  private static final MaxUser BORIS = MaxUser.of(43, "Борис");
  private static final MaxUser VERA = MaxUser.of(44, "Вера", "Иванова", null);

  private final World world = new World();
  private final Max max = world.max(world.config(MaxConfig.ReceiveMode.POLLING));
  private final MessengerChannel channel = max.messengerChannel();
  private final MaxBotInfo bot = world.newBot();
  private final Secret secret = Secret.of("webhook_secret-123");
  private final Connection connection = world.connect(bot, secret);
  private final MaxDialogScenario alice = world.emulator.bot(bot.token()).dialog(ALICE);
  private WebhookServer server;

  @AfterEach
  void close() {
    if (server != null) {
      server.close();
    }
    world.close();
  }

  private List<InboundRecord> awaitStored(int count) {
    Core.await(count + " updates stored", WAIT, () -> world.core.stored().size() >= count);
    return world.core.stored();
  }

  private ChannelEvent decode(InboundRecord record) {
    return max.updateDecoder().decode(record.payload());
  }

  @Test
  void pollingStoresEachUpdateUnderItsStableKeyAsReceived() {
    channel.startReceiving(connection.id(), connection.botAccess(), secret);
    MaxInjected started = alice.startsBot();
    MaxInjected text = alice.sendsText("Здравствуйте!");

    List<InboundRecord> stored = awaitStored(2);

    assertThat(stored.get(0).eventId())
        .isEqualTo(
            "max:"
                + bot.userId()
                + ":bot_started:"
                + alice.chatId()
                + ":42:"
                + started.timestamp());
    assertThat(stored.get(1).eventId()).isEqualTo("max:" + bot.userId() + ":" + text.mid());
    assertThat(stored.get(1).orderingKey()).isEqualTo(connection.id() + "/" + alice.chatId());
    ChannelMessage message = (ChannelMessage) decode(stored.get(1));
    assertThat(message.content()).isEqualTo(new MessageContent.Text("Здравствуйте!"));
    assertThat(message.sender().displayName()).isEqualTo("Alice Smith");
    assertThat(message.kind()).isEqualTo(ChatKind.PRIVATE);
  }

  @Test
  void pollingConfirmsByMarkerSoNothingComesTwiceAndAnEditIsItsOwnRow() {
    channel.startReceiving(connection.id(), connection.botAccess(), secret);
    MaxInjected text = alice.sendsText("Вопрос");
    awaitStored(1);
    alice.editsMessage(text.mid(), "Вопрос (исправлено)");
    alice.sendsText("Ещё");

    List<InboundRecord> stored = awaitStored(3);
    world.emulator.awaitPolling(bot.token(), WAIT);

    assertThat(stored).hasSize(3);
    assertThat(((ChannelMessage) decode(stored.get(1))).context().edited()).isTrue();
    assertThat(world.emulator.pendingUpdateCount(bot.token())).isZero();
  }

  @Test
  void pollingFirstRemovesASubscriptionMaxWouldNotPollBeside() {
    Max hooked = world.max(world.config(MaxConfig.ReceiveMode.WEBHOOK));
    hooked.messengerChannel().startReceiving(connection.id(), connection.botAccess(), secret);
    assertThat(world.emulator.subscriptionUrl(bot.token())).isPresent();

    channel.startReceiving(connection.id(), connection.botAccess(), secret);
    alice.sendsText("после подписки");

    assertThat(awaitStored(1)).hasSize(1);
    assertThat(world.emulator.subscriptionUrl(bot.token())).isEmpty();
  }

  @Test
  void afterStopNothingIsPolledAndAStartAgainMissesNothing() {
    channel.startReceiving(connection.id(), connection.botAccess(), secret);
    alice.sendsText("один");
    awaitStored(1);

    channel.stopReceiving(connection.id(), connection.botAccess());
    assertThat(max.pollingBots()).isZero();
    alice.sendsText("два");
    assertThat(world.emulator.pendingUpdateCount(bot.token())).isEqualTo(1);

    channel.startReceiving(connection.id(), connection.botAccess(), secret);
    List<InboundRecord> stored = awaitStored(2);
    assertThat(stored).hasSize(2);
    assertThat(((ChannelMessage) decode(stored.get(1))).content())
        .isEqualTo(new MessageContent.Text("два"));
  }

  @Test
  void aGroupIsOneChatWhereEachMemberSpeaksWithTheirOwnName() {
    channel.startReceiving(connection.id(), connection.botAccess(), secret);
    MaxGroupScenario group = world.emulator.bot(bot.token()).group(-70801090403050L, "Бухгалтерия");
    group.addsBot(BORIS);
    group.makesBotAdmin();
    group.member(BORIS).sendsText("Добрый день");
    group.member(VERA).sendsText("И от меня");

    List<InboundRecord> stored = awaitStored(3);

    assertThat(decode(stored.get(0)))
        .isInstanceOf(MembershipChanged.class)
        .extracting(event -> ((MembershipChanged) event).membership())
        .isEqualTo(Membership.JOINED);
    ChannelMessage boris = (ChannelMessage) decode(stored.get(1));
    ChannelMessage vera = (ChannelMessage) decode(stored.get(2));
    assertThat(boris.kind()).isEqualTo(ChatKind.GROUP);
    assertThat(boris.chat()).isEqualTo(vera.chat());
    assertThat(boris.chat().value()).isEqualTo("-70801090403050");
    assertThat(boris.sender().displayName()).isEqualTo("Борис");
    assertThat(vera.sender().displayName()).isEqualTo("Вера Иванова");
  }

  @Test
  void aStoppedBotAndABotRemovedFromAGroupAreMembershipChanges() {
    channel.startReceiving(connection.id(), connection.botAccess(), secret);
    MaxGroupScenario group = world.emulator.bot(bot.token()).group(-70801090403051L, "Склад");
    alice.startsBot();
    alice.stopsBot();
    group.addsBot(BORIS);
    group.makesBotAdmin();
    group.removesBot(BORIS);

    List<Membership> changes =
        awaitStored(4).stream()
            .map(this::decode)
            .map(event -> ((MembershipChanged) event).membership())
            .toList();

    assertThat(changes)
        .containsExactly(
            Membership.UNBLOCKED, Membership.BLOCKED, Membership.JOINED, Membership.LEFT);
  }

  @Test
  void aFailedPollIsTriedAgainAfterABackOffAndNothingIsLost() {
    world.emulator.failNext(bot.token(), "/updates", 503, "service.unavailable", "busy");
    world.emulator.failNext(bot.token(), "/updates", 500, "internal", "oops");
    alice.sendsText("несмотря на сбои");

    channel.startReceiving(connection.id(), connection.botAccess(), secret);

    assertThat(awaitStored(1)).hasSize(1);
    alice.sendsText("и дальше");
    assertThat(awaitStored(2)).hasSize(2);
  }

  @Test
  void pollingKeepsToTwoRequestsASecondEvenWhenMaxAnswersAtOnce() {
    world.close();
    World limited = new World(MaxEmulatorConfig.forTests().withRateLimits(MaxRateLimits.real()));
    try {
      Max polling =
          limited.max(
              limited
                  .config(MaxConfig.ReceiveMode.POLLING)
                  .withTimeouts(
                      limited
                          .config(MaxConfig.ReceiveMode.POLLING)
                          .timeouts()
                          .withLongPoll(Duration.ZERO)));
      MaxBotInfo other = limited.newBot();
      Connection connected = limited.connect(other);
      polling.messengerChannel().startReceiving(connected.id(), connected.botAccess(), secret);
      MaxDialogScenario dialog = limited.emulator.bot(other.token()).dialog(ALICE);
      for (int i = 0; i < 3; i++) {
        dialog.sendsText("сообщение " + i);
        int expected = i + 1;
        Core.await("message stored", WAIT, () -> limited.core.stored().size() >= expected);
      }

      assertThat(limited.emulator.tooManyRequestsCount(other.token())).isZero();
    } finally {
      limited.close();
    }
  }

  @Test
  void aFilesDeclaredSizeIsKnownBeforeAnyByteAndTheBytesMatchIt() throws Exception {
    channel.startReceiving(connection.id(), connection.botAccess(), secret);
    alice.sendsFile("Счёт 42.pdf", 123_457);
    ChannelMessage message = (ChannelMessage) decode(awaitStored(1).get(0));
    Attachment file = ((MessageContent.Document) message.content()).file();

    RemoteFile remote = channel.fetchFile(connection.botAccess(), file.ref());

    assertThat(file.fileName()).isEqualTo("Счёт 42.pdf");
    assertThat(remote.sizeBytes()).isEqualTo(123_457);
    try (InputStream in = remote.source().open()) {
      assertThat(in.transferTo(OutputStream.nullOutputStream())).isEqualTo(123_457);
    }
  }

  @Test
  void anImagesSizeComesFromTheDownloadsLengthBeforeTheBytesAreRead() throws Exception {
    channel.startReceiving(connection.id(), connection.botAccess(), secret);
    alice.sendsImage("скриншот", 54_321);
    ChannelMessage message = (ChannelMessage) decode(awaitStored(1).get(0));
    MessageContent.Image image = (MessageContent.Image) message.content();

    RemoteFile remote = channel.fetchFile(connection.botAccess(), image.file().ref());

    assertThat(image.caption()).contains("скриншот");
    assertThat(remote.sizeBytes()).isEqualTo(54_321);
    try (InputStream in = remote.source().open()) {
      assertThat(in.readAllBytes()).hasSize(54_321);
    }
  }

  @Test
  void theWebhookIsSubscribedWithTheSecretAndItsDeliveriesStoredBeforeThe200() {
    server = new WebhookServer(max.webhookHandler());
    Max hooked = world.max(world.config(MaxConfig.ReceiveMode.WEBHOOK, server.base()));
    hooked.messengerChannel().startReceiving(connection.id(), connection.botAccess(), secret);
    MaxInjected text = alice.sendsText("по вебхуку");

    List<MaxWebhookDelivery> deliveries =
        world.emulator.awaitWebhookDeliveries(bot.token(), 1, WAIT);

    assertThat(deliveries.get(0).url()).isEqualTo(server.base() + "hooks/max/" + connection.id());
    assertThat(deliveries.get(0).secret()).isEqualTo("webhook_secret-123");
    assertThat(deliveries.get(0).status()).isEqualTo(200);
    assertThat(world.core.stored())
        .singleElement()
        .satisfies(
            record -> {
              assertThat(record.eventId()).isEqualTo("max:" + bot.userId() + ":" + text.mid());
              assertThat(record.payload()).isEqualTo(deliveries.get(0).body());
            });
    assertThat(hooked.messengerChannel().probe(connection.botAccess()))
        .isEqualTo(ChannelHealth.HEALTHY);
  }

  @Test
  void aDeliveryWithAnotherSecretIsRefusedAndNothingStored() {
    server = new WebhookServer(max.webhookHandler());
    Max hooked = world.max(world.config(MaxConfig.ReceiveMode.WEBHOOK, server.base()));
    hooked
        .messengerChannel()
        .startReceiving(connection.id(), connection.botAccess(), Secret.of("another_secret-456"));
    alice.sendsText("чужой секрет");

    List<MaxWebhookDelivery> deliveries =
        world.emulator.awaitWebhookDeliveries(bot.token(), 1, WAIT);

    assertThat(deliveries.get(0).status()).isEqualTo(401);
    assertThat(world.core.stored()).isEmpty();
  }

  @Test
  void stoppingAWebhookUnsubscribesAndTheProbeThenSaysItFails() {
    Max hooked = world.max(world.config(MaxConfig.ReceiveMode.WEBHOOK));
    MessengerChannel hookedChannel = hooked.messengerChannel();
    hookedChannel.startReceiving(connection.id(), connection.botAccess(), secret);
    assertThat(world.emulator.subscriptionUrl(bot.token()))
        .contains("http://127.0.0.1:1/hooks/max/" + connection.id());

    hookedChannel.stopReceiving(connection.id(), connection.botAccess());

    assertThat(world.emulator.subscriptionUrl(bot.token())).isEmpty();
    assertThat(hookedChannel.probe(connection.botAccess()))
        .isEqualTo(ChannelHealth.WEBHOOK_FAILING);
    world.emulator.revokeToken(bot.token());
    assertThat(hookedChannel.probe(connection.botAccess())).isEqualTo(ChannelHealth.TOKEN_REVOKED);
  }

  @Test
  void theProbeCountsOnlyASubscriptionToOneOfOurHookUrls() {
    Max ours = world.max(world.config(MaxConfig.ReceiveMode.WEBHOOK));
    Max elsewhere =
        world.max(
            world.config(MaxConfig.ReceiveMode.WEBHOOK, URI.create("http://127.0.0.2:1/other/")));
    ours.messengerChannel().startReceiving(connection.id(), connection.botAccess(), secret);

    assertThat(ours.messengerChannel().probe(connection.botAccess()))
        .isEqualTo(ChannelHealth.HEALTHY);
    assertThat(elsewhere.messengerChannel().probe(connection.botAccess()))
        .isEqualTo(ChannelHealth.WEBHOOK_FAILING);
  }
}
