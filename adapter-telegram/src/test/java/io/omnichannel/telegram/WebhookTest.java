package io.omnichannel.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.core.domain.Connection;
import io.omnichannel.core.domain.ConnectionId;
import io.omnichannel.core.domain.InboundRecord;
import io.omnichannel.core.domain.Secret;
import io.omnichannel.core.domain.failure.StorageUnavailable;
import io.omnichannel.core.port.in.Admission;
import io.omnichannel.core.port.in.InboundGateway;
import io.omnichannel.core.port.out.ChannelHealth;
import io.omnichannel.core.port.out.MessengerChannel;
import io.omnichannel.telegram.Telegram.WebhookResponse;
import io.omnichannel.testkit.telegram.BotInfo;
import io.omnichannel.testkit.telegram.InjectedUpdate;
import io.omnichannel.testkit.telegram.UserSpec;
import io.omnichannel.testkit.telegram.WebhookDelivery;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Receiving by webhook: the emulator POSTs, the handler answers 200 only after the core stored the
 * update.
 */
class WebhookTest {
  private static final UserSpec ALICE = UserSpec.of(42, "Alice");
  private static final Duration WAIT = Duration.ofSeconds(5);

  private final World world = new World();
  private final Telegram telegram =
      world.telegram(world.config(TelegramConfig.ReceiveMode.WEBHOOK));
  private final WebhookServer server = new WebhookServer(telegram.webhookHandler());
  private final Telegram hooked =
      world.telegram(
          new TelegramConfig(
              URI.create(world.emulator.baseUrl()),
              TelegramConfig.ReceiveMode.WEBHOOK,
              server.base(),
              "instance-a",
              TelegramConfig.Timeouts.defaults(),
              TelegramConfig.Pacing.telegram()));
  private final MessengerChannel channel = hooked.messengerChannel();
  private final BotInfo bot = world.newBot();
  private final Secret secret = Secret.of("webhook_secret_123");
  private final Connection connection = world.connect(bot, secret);

  @AfterEach
  void close() throws Exception {
    server.close();
    world.close();
  }

  @Test
  void anUpdateIsPostedWithTheSecretStoredByTheCoreAsReceivedAndAcknowledged() {
    channel.startReceiving(connection.id(), connection.botAccess(), secret);
    InjectedUpdate sent = world.emulator.bot(bot.token()).user(ALICE).sendsText("hello");

    List<WebhookDelivery> deliveries = world.emulator.awaitWebhookDeliveries(bot.token(), 1, WAIT);

    assertThat(deliveries.get(0).url())
        .isEqualTo(server.base() + "hooks/telegram/" + connection.id());
    assertThat(deliveries.get(0).secretToken()).isEqualTo("webhook_secret_123");
    assertThat(deliveries.get(0).statusCode()).isEqualTo(200);
    assertThat(world.stored())
        .singleElement()
        .satisfies(
            record -> {
              assertThat(record.eventId())
                  .isEqualTo("telegram:" + bot.id() + ":" + sent.updateId());
              assertThat(record.orderingKey()).isEqualTo(connection.id() + "/" + ALICE.id());
              assertThat(record.payload()).isEqualTo(sent.json());
            });
    assertThat(telegram.updateDecoder().decode(world.stored().get(0).payload()))
        .isInstanceOf(io.omnichannel.core.domain.ChannelEvent.ChannelMessage.class);
  }

  @Test
  void onlyTheUpdateKindsWeUseAreAskedFor() {
    channel.startReceiving(connection.id(), connection.botAccess(), secret);
    world
        .emulator
        .bot(bot.token())
        .rawUpdate(
            "{\"channel_post\":{\"message_id\":1,\"date\":0,"
                + "\"chat\":{\"id\":-1001,\"type\":\"channel\",\"title\":\"News\"},\"text\":\"x\"}}");
    world.emulator.bot(bot.token()).user(ALICE).sendsText("hello");

    world.emulator.awaitWebhookDeliveries(bot.token(), 1, WAIT);

    assertThat(world.emulator.pendingUpdateCount(bot.token())).isZero();
    assertThat(world.stored())
        .extracting(InboundRecord::orderingKey)
        .containsExactly(connection.id() + "/" + ALICE.id());
  }

  @Test
  void aWrongOrMissingSecretIsRefusedWith401AndNothingIsStored() {
    byte[] update =
        "{\"update_id\":5,\"message\":{\"message_id\":1,\"date\":0,\"chat\":{\"id\":42,\"type\":\"private\"},\"text\":\"x\"}}"
            .getBytes(StandardCharsets.UTF_8);
    Telegram.WebhookHandler handler = telegram.webhookHandler();

    assertThat(handler.handle(connection.id().value(), "wrong", () -> update).status())
        .isEqualTo(401);
    assertThat(handler.handle(connection.id().value(), null, () -> update).status()).isEqualTo(401);
    assertThat(world.stored()).isEmpty();
    assertThat(handler.handle(connection.id().value(), secret.reveal(), () -> update).status())
        .isEqualTo(200);
    assertThat(handler.handle(connection.id().value(), secret.reveal(), () -> update).status())
        .as("a redelivery is acknowledged")
        .isEqualTo(200);
    assertThat(world.stored()).hasSize(1);
  }

  @Test
  void theEmulatorRetriesAWebhookRefusedForAWrongSecretAndNothingIsStored() {
    channel.startReceiving(
        connection.id(), connection.botAccess(), Secret.of("not_the_stored_one"));
    world.emulator.bot(bot.token()).user(ALICE).sendsText("hello");

    List<WebhookDelivery> deliveries = world.emulator.awaitWebhookDeliveries(bot.token(), 2, WAIT);

    assertThat(deliveries).allSatisfy(delivery -> assertThat(delivery.statusCode()).isEqualTo(401));
    assertThat(world.stored()).isEmpty();
  }

  @Test
  void malformedJsonIs400AndNothingIsStored() {
    Telegram.WebhookHandler handler = telegram.webhookHandler();

    assertThat(handler.handle(connection.id().value(), secret.reveal(), body("{not json")))
        .isEqualTo(WebhookResponse.BAD_REQUEST);
    assertThat(handler.handle(connection.id().value(), secret.reveal(), body("[1,2]")))
        .isEqualTo(WebhookResponse.BAD_REQUEST);
    assertThat(handler.handle(connection.id().value(), secret.reveal(), body("")))
        .isEqualTo(WebhookResponse.BAD_REQUEST);
    assertThat(world.stored()).isEmpty();
  }

  @Test
  void aDisconnectedBotIsAcknowledgedSoTelegramStopsRetryingAndAnUnknownConnectionIs404() {
    world.connections.update(connection.disconnected(world.clock.instant()));
    byte[] update =
        "{\"update_id\":6,\"message\":{\"message_id\":1,\"date\":0,\"chat\":{\"id\":42,\"type\":\"private\"},\"text\":\"x\"}}"
            .getBytes(StandardCharsets.UTF_8);

    assertThat(
            telegram
                .webhookHandler()
                .handle(connection.id().value(), secret.reveal(), () -> update)
                .status())
        .isEqualTo(200);
    assertThat(
            telegram
                .webhookHandler()
                .handle("no-such-connection", secret.reveal(), () -> update)
                .status())
        .isEqualTo(404);
    assertThat(world.stored()).isEmpty();
  }

  @Test
  void whenTheCoreCannotStoreTheUpdateTelegramIsToldToRetry() {
    InboundGateway down =
        new PollingTest.DelegatingGateway(world.accepting) {
          @Override
          public Admission admitWebhookUpdate(ConnectionId id, String presentedSecret) {
            Admission.Admitted storing =
                update -> {
                  throw new StorageUnavailable("database down", new java.sql.SQLException("down"));
                };
            return storing;
          }
        };
    Telegram failing = world.telegram(world.config(TelegramConfig.ReceiveMode.WEBHOOK), down);
    byte[] update =
        "{\"update_id\":7,\"message\":{\"message_id\":1,\"date\":0,\"chat\":{\"id\":42,\"type\":\"private\"},\"text\":\"x\"}}"
            .getBytes(StandardCharsets.UTF_8);

    assertThat(
            failing
                .webhookHandler()
                .handle(connection.id().value(), secret.reveal(), () -> update)
                .status())
        .isEqualTo(503);
  }

  @Test
  void disconnectDeletesTheWebhookWithinASecond() {
    channel.startReceiving(connection.id(), connection.botAccess(), secret);
    world.emulator.bot(bot.token()).user(ALICE).sendsText("one");
    world.emulator.awaitWebhookDeliveries(bot.token(), 1, WAIT);

    long started = System.nanoTime();
    channel.stopReceiving(connection.id(), connection.botAccess());
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    world.emulator.bot(bot.token()).user(ALICE).sendsText("two");

    assertThat(took).isLessThan(Duration.ofSeconds(1));
    assertThat(world.emulator.pendingUpdateCount(bot.token())).isEqualTo(1);
    assertThat(world.emulator.webhookDeliveries(bot.token())).hasSize(1);
    assertThat(world.stored()).hasSize(1);
  }

  @Test
  void aWebhookThatFailsShowsInTheProbe() throws Exception {
    channel.startReceiving(connection.id(), connection.botAccess(), secret);
    assertThat(channel.probe(connection.botAccess())).isEqualTo(ChannelHealth.HEALTHY);
    server.close();
    world.emulator.bot(bot.token()).user(ALICE).sendsText("nobody listens");
    world.emulator.awaitWebhookDeliveries(bot.token(), 1, WAIT);

    assertThat(channel.probe(connection.botAccess())).isEqualTo(ChannelHealth.WEBHOOK_FAILING);
  }

  @Test
  void aStrangersBodyIsNeverRead() {
    Telegram.WebhookHandler handler = telegram.webhookHandler();
    Supplier<byte[]> untouchable =
        () -> {
          throw new AssertionError("the body of an unchecked call was read");
        };

    assertThat(handler.handle(connection.id().value(), "wrong", untouchable))
        .isEqualTo(WebhookResponse.UNAUTHORIZED);
    assertThat(handler.handle(connection.id().value(), null, untouchable))
        .isEqualTo(WebhookResponse.UNAUTHORIZED);
    assertThat(handler.handle("no-such-connection", secret.reveal(), untouchable))
        .isEqualTo(WebhookResponse.NOT_FOUND);
  }

  @Test
  void idsTooLongToStoreAre400AndAnUpdateWithoutAReadableChatIsStoredUnderNone() {
    Telegram.WebhookHandler handler = telegram.webhookHandler();
    String id = connection.id().value();

    assertThat(
            handler.handle(id, secret.reveal(), body("{\"update_id\":1" + "0".repeat(300) + "}")))
        .isEqualTo(WebhookResponse.BAD_REQUEST);
    assertThat(
            handler.handle(
                id,
                secret.reveal(),
                body(
                    "{\"update_id\":8,\"message\":{\"chat\":{\"id\":\""
                        + "9".repeat(300)
                        + "\"}}}")))
        .isEqualTo(WebhookResponse.BAD_REQUEST);
    assertThat(handler.handle("c".repeat(65), secret.reveal(), body("{\"update_id\":9}")))
        .isEqualTo(WebhookResponse.BAD_REQUEST);
    assertThat(world.stored()).isEmpty();

    assertThat(
            handler.handle(
                id,
                secret.reveal(),
                body("{\"update_id\":10,\"callback_query\":{\"message\":{\"chat\":{\"id\":{}}}}}")))
        .isEqualTo(WebhookResponse.OK);
    assertThat(world.stored())
        .singleElement()
        .satisfies(record -> assertThat(record.orderingKey()).isEqualTo(id + "/-"));
  }

  private static Supplier<byte[]> body(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return () -> bytes;
  }
}
