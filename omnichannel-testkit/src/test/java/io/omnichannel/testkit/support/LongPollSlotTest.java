package io.omnichannel.testkit.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LongPollSlotTest {
  private final LongPollSlot<Integer, String> slot = new LongPollSlot<>();
  private final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  @Test
  void aWatcherHearsOfThePollOnlyOnceItStarted() {
    CompletableFuture<Void> watcher = slot.whenHeld();
    LongPollSlot.Poll<Integer, String> poll = slot.hold(10);

    assertThat(watcher).isNotDone();
    CompletableFuture<String> answer = poll.start(scheduler, 60, () -> {});
    assertThat(watcher).isDone();
    assertThat(slot.whenHeld()).isDone();

    assertThat(slot.take()).isSameAs(poll);
    poll.complete("updates");
    assertThat(answer).isCompletedWithValue("updates");
    assertThat(scheduler.getQueue())
        .hasSize(1)
        .allMatch(timeout -> ((Future<?>) timeout).isCancelled());
  }

  @Test
  void onlyTheHeldPollIsTakenByItsExpiry() {
    LongPollSlot.Poll<Integer, String> first = slot.hold(1);
    slot.take();
    LongPollSlot.Poll<Integer, String> second = slot.hold(2);

    assertThat(slot.takeIf(first)).isFalse();
    assertThat(slot.held()).isSameAs(second);
    assertThat(slot.takeIf(second)).isTrue();
    assertThat(slot.held()).isNull();
  }

  @Test
  void aClosingSchedulerExpiresThePollAtOnce() {
    scheduler.shutdown();
    AtomicBoolean expired = new AtomicBoolean();

    slot.hold(1).start(scheduler, 60, () -> expired.set(true));

    assertThat(expired).isTrue();
  }

  @Test
  void aFailedPollAnswersItsError() {
    LongPollSlot.Poll<Integer, String> poll = slot.hold(1);
    CompletableFuture<String> answer = poll.start(scheduler, 60, () -> {});

    poll.fail(new IllegalStateException("revoked"));

    assertThat(answer).isCompletedExceptionally();
  }
}
