package io.omnichannel.messenger.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.core.domain.ConnectionId;
import io.omnichannel.core.domain.failure.ChannelUnavailable;
import io.omnichannel.core.fakes.Eventually;
import io.omnichannel.core.fakes.InMemoryPollingLeases;
import io.omnichannel.core.port.in.InboundGateway.Acceptance;
import io.omnichannel.core.port.in.RawEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The polling loop against a scripted feed: each poll the loop makes is taken from a queue and
 * answered by the test, so every step is waited for, never slept on.
 */
class LeasedPollerTest {
  private static final ConnectionId CONNECTION = new ConnectionId("c-1");
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final StubGateway gateway = new StubGateway();
  private final InMemoryPollingLeases leases = new InMemoryPollingLeases();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private final ExecutorService workers = Executors.newFixedThreadPool(2);
  private final BlockingQueue<Call> calls = new LinkedBlockingQueue<>();

  /** One poll the loop made, to be answered. */
  record Call(OptionalLong cursor, int waitSeconds, CompletableFuture<PolledBot.Answer> answer) {}

  @AfterEach
  void shutDown() {
    timer.shutdownNow();
    workers.shutdownNow();
  }

  private LeasedPollers pollers(Duration minSpacing) {
    PollTimings timings =
        new PollTimings(
            Duration.ofSeconds(2),
            Duration.ofSeconds(25),
            Duration.ofMillis(1),
            Duration.ofMillis(5),
            Duration.ofMinutes(1),
            minSpacing);
    return new LeasedPollers(
        new LeasedPollers.Receiving(
            gateway, leases, Clock.systemUTC(), "instance-a", timings, timer, workers));
  }

  private PolledBot bot() {
    return new PolledBot(
        CONNECTION,
        "bot-1",
        (cursor, wait) -> {
          Call call = new Call(cursor, wait, new CompletableFuture<>());
          calls.add(call);
          return call.answer();
        },
        text -> text);
  }

  private Call nextCall() throws InterruptedException {
    Call call = calls.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(call).as("a poll within " + WAIT).isNotNull();
    return call;
  }

  private static PolledBot.Update update(String key, OptionalLong next) {
    return new PolledBot.Update(Optional.ofNullable(key), "chat-" + key, "{}", next);
  }

  @Test
  void eachStoredUpdateMovesItsOwnCursorAndTheNextPollConfirmsThem() throws Exception {
    LeasedPollers pollers = pollers(Duration.ofMillis(1));
    pollers.start(bot());

    Call first = nextCall();
    assertThat(first.cursor()).isEmpty();
    assertThat(first.waitSeconds()).isEqualTo(25);
    first
        .answer()
        .complete(
            new PolledBot.Answer(
                List.of(update("10", OptionalLong.of(11)), update("11", OptionalLong.of(12))),
                OptionalLong.empty()));

    assertThat(nextCall().cursor()).hasValue(12);
    assertThat(gateway.stored).extracting(RawEvent::sourceId).containsExactly("10", "11");
    assertThat(gateway.stored).extracting(RawEvent::chatKey).containsExactly("chat-10", "chat-11");
    pollers.stopAll();
  }

  @Test
  void theAnswersCursorConfirmsTheWholeAnswerAndAnUpdateWithoutAKeyIsSkipped() throws Exception {
    LeasedPollers pollers = pollers(Duration.ofMillis(1));
    pollers.start(bot());

    nextCall()
        .answer()
        .complete(
            new PolledBot.Answer(
                List.of(update(null, OptionalLong.empty()), update("k", OptionalLong.empty())),
                OptionalLong.of(7)));

    assertThat(nextCall().cursor()).hasValue(7);
    assertThat(gateway.stored).extracting(RawEvent::sourceId).containsExactly("k");
    pollers.stopAll();
  }

  @Test
  void aFailedPollIsTriedAgainWithTheSameCursor() throws Exception {
    LeasedPollers pollers = pollers(Duration.ofMillis(1));
    pollers.start(bot());
    nextCall()
        .answer()
        .complete(
            new PolledBot.Answer(List.of(update("1", OptionalLong.of(2))), OptionalLong.empty()));
    nextCall().answer().completeExceptionally(new ChannelUnavailable("getUpdates: 502"));

    assertThat(nextCall().cursor()).hasValue(2);
    pollers.stopAll();
  }

  @Test
  void aStopAbortsThePollInFlightConfirmsWhatWasStoredWithoutWaitingAndGivesTheLeaseBack()
      throws Exception {
    // the next poll would come only in an hour: the stop has to confirm the stored update itself
    LeasedPollers pollers = pollers(Duration.ofHours(1));
    pollers.start(bot());
    nextCall()
        .answer()
        .complete(
            new PolledBot.Answer(List.of(update("1", OptionalLong.empty())), OptionalLong.of(5)));
    await("the update stored", () -> gateway.stored.size() == 1);
    workers.execute(() -> pollers.stop(CONNECTION));

    Call confirming = nextCall();
    assertThat(confirming.cursor()).hasValue(5);
    assertThat(confirming.waitSeconds()).isZero();
    confirming.answer().complete(new PolledBot.Answer(List.of(), OptionalLong.empty()));
    await(
        "the lease given back",
        () -> leases.holder(CONNECTION, Clock.systemUTC().instant()).isEmpty());
    assertThat(pollers.count()).isZero();
  }

  @Test
  void aStopCancelsThePollInFlight() throws Exception {
    LeasedPollers pollers = pollers(Duration.ofMillis(1));
    pollers.start(bot());
    Call inFlight = nextCall();

    pollers.stop(CONNECTION);

    // cancelled by the stop, or (when the stop came before the poll was registered) by the poll
    await("the poll aborted", inFlight.answer()::isCancelled);
    assertThat(leases.holder(CONNECTION, Clock.systemUTC().instant())).isEmpty();
  }

  @Test
  void aConnectionUnknownToTheCoreEndsItsPolling() throws Exception {
    LeasedPollers pollers = pollers(Duration.ofMillis(1));
    pollers.start(bot());
    gateway.answer = Acceptance.UNKNOWN_CONNECTION;

    nextCall()
        .answer()
        .complete(
            new PolledBot.Answer(List.of(update("1", OptionalLong.of(2))), OptionalLong.empty()));

    await(
        "the lease given back",
        () -> leases.holder(CONNECTION, Clock.systemUTC().instant()).isEmpty());
    assertThat(gateway.stored).isEmpty();
  }

  @Test
  void startingTwiceKeepsOnePoller() throws Exception {
    LeasedPollers pollers = pollers(Duration.ofMillis(1));
    pollers.start(bot());
    pollers.start(bot());

    nextCall();
    assertThat(pollers.count()).isEqualTo(1);
    assertThat(leases.holder(CONNECTION, Clock.systemUTC().instant())).contains("instance-a");
    pollers.stopAll();
  }

  private static void await(String what, BooleanSupplier condition) {
    Eventually.await(what, WAIT, condition);
  }
}
