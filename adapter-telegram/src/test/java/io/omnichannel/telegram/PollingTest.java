package io.omnichannel.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.core.domain.Connection;
import io.omnichannel.core.domain.ConnectionId;
import io.omnichannel.core.domain.InboundRecord;
import io.omnichannel.core.domain.Secret;
import io.omnichannel.core.domain.failure.StorageUnavailable;
import io.omnichannel.core.port.in.Admission;
import io.omnichannel.core.port.in.InboundGateway;
import io.omnichannel.core.port.in.RawEvent;
import io.omnichannel.core.port.out.ChannelHealth;
import io.omnichannel.core.port.out.MessengerChannel;
import io.omnichannel.testkit.telegram.BotInfo;
import io.omnichannel.testkit.telegram.InjectedUpdate;
import io.omnichannel.testkit.telegram.UserSpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Receiving by long polling against the emulator, into the core's real AcceptingInbound. */
class PollingTest {
  private static final UserSpec ALICE = UserSpec.of(42, "Alice");
  private static final UserSpec BOB = UserSpec.of(43, "Bob");
  private static final Duration WAIT = Duration.ofSeconds(5);
  private static final Secret UNUSED = Secret.of("unused");

  private final World world = new World();
  private final TelegramConfig config = world.config(TelegramConfig.ReceiveMode.POLLING);
  private final Telegram telegram = world.telegram(config);
  private final MessengerChannel channel = telegram.messengerChannel();
  private final BotInfo bot = world.newBot();
  private final Connection connection = world.connect(bot);

  @AfterEach
  void close() throws Exception {
    world.close();
  }

  private void awaitStored(int count) {
    World.await(count + " stored updates", WAIT, () -> world.stored().size() >= count);
  }

  @Test
  void updatesAreStoredInOrderAndConfirmedOnlyAfterwards() {
    channel.startReceiving(connection.id(), connection.botAccess(), UNUSED);
    List<InjectedUpdate> sent = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      sent.add(
          world.emulator.bot(bot.token()).user(i % 2 == 0 ? ALICE : BOB).sendsText("message " + i));
    }

    awaitStored(5);
    World.await(
        "confirmation by offset", WAIT, () -> world.emulator.pendingUpdateCount(bot.token()) == 0);

    assertThat(world.stored())
        .extracting(InboundRecord::eventId)
        .containsExactlyElementsOf(
            sent.stream().map(u -> "telegram:" + bot.id() + ":" + u.updateId()).toList());
    assertThat(world.stored())
        .extracting(InboundRecord::payload)
        .as("stored exactly as received")
        .containsExactlyElementsOf(sent.stream().map(InjectedUpdate::json).toList());
    assertThat(world.stored())
        .extracting(InboundRecord::payload)
        .allSatisfy(
            payload ->
                assertThat(telegram.updateDecoder().decode(payload))
                    .isInstanceOf(io.omnichannel.core.domain.ChannelEvent.ChannelMessage.class));
    assertThat(telegram.pollingBots()).isEqualTo(1);
  }

  @Test
  void onlyTheUpdateKindsWeUseAreAskedFor() {
    channel.startReceiving(connection.id(), connection.botAccess(), UNUSED);
    world.emulator.awaitPolling(bot.token(), WAIT);
    world
        .emulator
        .bot(bot.token())
        .rawUpdate(
            "{\"channel_post\":{\"message_id\":1,\"date\":0,"
                + "\"chat\":{\"id\":-1001,\"type\":\"channel\",\"title\":\"News\"},\"text\":\"x\"}}");
    world.emulator.bot(bot.token()).user(ALICE).sendsText("hello");

    awaitStored(1);
    World.await(
        "confirmation by offset", WAIT, () -> world.emulator.pendingUpdateCount(bot.token()) == 0);

    assertThat(world.stored())
        .extracting(InboundRecord::orderingKey)
        .containsExactly(connection.id() + "/" + ALICE.id());
  }

  @Test
  void anUpdateTheCoreCouldNotStoreIsNotConfirmedAndComesAgain() {
    AtomicInteger calls = new AtomicInteger();
    InboundGateway flaky =
        new DelegatingGateway(world.accepting) {
          @Override
          public Acceptance acceptPolledUpdate(ConnectionId id, RawEvent update) {
            if (calls.incrementAndGet() == 1) {
              throw new StorageUnavailable("database down", new SQLException("down"));
            }
            return super.acceptPolledUpdate(id, update);
          }
        };
    MessengerChannel flakyChannel = world.telegram(config, flaky).messengerChannel();
    flakyChannel.startReceiving(connection.id(), connection.botAccess(), UNUSED);
    InjectedUpdate first = world.emulator.bot(bot.token()).user(ALICE).sendsText("first");

    awaitStored(1);

    assertThat(calls.get()).isGreaterThanOrEqualTo(2);
    assertThat(world.stored())
        .extracting(InboundRecord::eventId)
        .containsExactly("telegram:" + bot.id() + ":" + first.updateId());
  }

  @Test
  void pollingBacksOffThroughAnOutageAndGoesOn() {
    channel.startReceiving(connection.id(), connection.botAccess(), UNUSED);
    world.emulator.awaitPolling(bot.token(), WAIT);
    world.emulator.failAll(502, "Bad Gateway", Duration.ofMillis(400));
    world.emulator.bot(bot.token()).user(ALICE).sendsText("during the outage");

    awaitStored(1);
  }

  @Test
  void anotherGetUpdatesIs409ForUsAndPollingResumesAfterIt() throws Exception {
    channel.startReceiving(connection.id(), connection.botAccess(), UNUSED);
    world.emulator.awaitPolling(bot.token(), WAIT);

    HttpResponse<String> intruder =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            world.emulator.baseUrl()
                                + "/bot"
                                + bot.token()
                                + "/getUpdates?timeout=0"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(intruder.statusCode()).isEqualTo(200);

    world.emulator.awaitPolling(bot.token(), WAIT);
    world.emulator.bot(bot.token()).user(ALICE).sendsText("after the conflict");
    awaitStored(1);
  }

  @Test
  void onlyTheHolderOfTheLeasePollsAndAnotherInstanceTakesOverWhenItStops() {
    Telegram other =
        world.telegram(
            new TelegramConfig(
                config.apiBaseUrl(),
                config.receiveMode(),
                config.publicBaseUrl(),
                "instance-b",
                config.timeouts(),
                config.pacing()));
    channel.startReceiving(connection.id(), connection.botAccess(), UNUSED);
    World.await(
        "instance a holds the lease",
        WAIT,
        () -> world.leases.holder(connection.id(), world.clock.instant()).isPresent());
    other.messengerChannel().startReceiving(connection.id(), connection.botAccess(), UNUSED);
    world.emulator.bot(bot.token()).user(ALICE).sendsText("one");
    awaitStored(1);
    assertThat(world.leases.holder(connection.id(), world.clock.instant())).contains("instance-a");

    channel.stopReceiving(connection.id(), connection.botAccess());
    World.await(
        "instance b takes the lease",
        WAIT,
        () ->
            world
                .leases
                .holder(connection.id(), world.clock.instant())
                .equals(java.util.Optional.of("instance-b")));
    world.emulator.bot(bot.token()).user(ALICE).sendsText("two");
    awaitStored(2);
  }

  @Test
  void disconnectStopsPollingWithinASecondAndLeavesNewUpdatesUnconfirmed() throws Exception {
    channel.startReceiving(connection.id(), connection.botAccess(), UNUSED);
    world.emulator.awaitPolling(bot.token(), WAIT);

    long started = System.nanoTime();
    channel.stopReceiving(connection.id(), connection.botAccess());
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    world.emulator.bot(bot.token()).user(ALICE).sendsText("after disconnect");

    assertThat(took).isLessThan(Duration.ofSeconds(1));
    assertThat(telegram.pollingBots()).isZero();
    assertThat(world.leases.holder(connection.id(), world.clock.instant())).isEmpty();
    HttpResponse<String> check =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            world.emulator.baseUrl()
                                + "/bot"
                                + bot.token()
                                + "/getUpdates?timeout=0"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(check.body()).contains("after disconnect");
    assertThat(world.stored()).isEmpty();
  }

  @Test
  void aTokenRevokedWhilePollingIsSurvivedAndShowsInTheProbe() {
    channel.startReceiving(connection.id(), connection.botAccess(), UNUSED);
    world.emulator.awaitPolling(bot.token(), WAIT);

    world.emulator.revokeToken(bot.token());

    assertThat(channel.probe(connection.botAccess())).isEqualTo(ChannelHealth.TOKEN_REVOKED);
    channel.stopReceiving(connection.id(), connection.botAccess());
    assertThat(telegram.pollingBots()).isZero();
  }

  @Test
  void startingTwiceKeepsOnePoller() {
    channel.startReceiving(connection.id(), connection.botAccess(), UNUSED);
    channel.startReceiving(connection.id(), connection.botAccess(), UNUSED);
    world.emulator.bot(bot.token()).user(ALICE).sendsText("once");

    awaitStored(1);
    assertThat(telegram.pollingBots()).isEqualTo(1);
  }

  @Test
  void fiftyBotsPollWithoutAThreadEach() {
    int before = Thread.activeCount();
    long adapterBefore = adapterThreads();
    List<BotInfo> bots = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      BotInfo each = world.newBot();
      bots.add(each);
      Connection connected = world.connect(each);
      channel.startReceiving(connected.id(), connected.botAccess(), UNUSED);
    }
    for (BotInfo each : bots) {
      world.emulator.awaitPolling(each.token(), WAIT);
    }

    assertThat(telegram.pollingBots()).isEqualTo(50);
    assertThat(adapterThreads() - adapterBefore)
        .as("new threads of the adapter: its pool and timer")
        .isLessThanOrEqualTo(5);
    assertThat(Thread.activeCount() - before)
        .as("all new threads, the emulator's included")
        .isLessThan(25);
    for (BotInfo each : bots) {
      world.emulator.bot(each.token()).user(ALICE).sendsText("hi");
    }
    awaitStored(50);
  }

  private static long adapterThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(
            thread ->
                thread.getName().startsWith("telegram-io")
                    || thread.getName().startsWith("telegram-timer"))
        .count();
  }

  /** Passes every call to the core; tests override one method. */
  static class DelegatingGateway implements InboundGateway {
    private final InboundGateway core;

    DelegatingGateway(InboundGateway core) {
      this.core = core;
    }

    @Override
    public Admission admitWebhookUpdate(ConnectionId id, String presentedSecret) {
      return core.admitWebhookUpdate(id, presentedSecret);
    }

    @Override
    public Acceptance acceptPolledUpdate(ConnectionId id, RawEvent update) {
      return core.acceptPolledUpdate(id, update);
    }

    @Override
    public Admission admitLineEvent(ConnectionId id, String login, String password) {
      return core.admitLineEvent(id, login, password);
    }

    @Override
    public Admission admitManagementEvent(String login, String password) {
      return core.admitManagementEvent(login, password);
    }
  }
}
