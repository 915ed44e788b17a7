package io.omnichannel.core.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnichannel.core.domain.failure.AwaitingSlot;
import io.omnichannel.core.domain.failure.ChannelUnavailable;
import io.omnichannel.core.domain.failure.StorageUnavailable;
import io.omnichannel.core.fakes.InMemoryQueue;
import io.omnichannel.core.fakes.InMemoryQueue.Row;
import io.omnichannel.core.fakes.ManualClock;
import io.omnichannel.core.port.out.Claimed;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Recovery in seconds: a row in hand stays held while it is worked on (lease renewal), its outcome
 * is written as soon as the database answers again after an outage (not after the lease), and a
 * worker that lost its row to another changes nothing.
 */
class QueueRecoveryTest {
  private static final Duration LEASE = Duration.ofSeconds(30);
  private static final RetryPolicy RETRY =
      new RetryPolicy(Duration.ofSeconds(2), Duration.ofMinutes(1), 4, () -> 0.0);

  private final ManualClock clock = ManualClock.startingAt("2026-11-29T10:00:00Z");
  private final ChatQueue queue = new ChatQueue();
  private final List<String> sent = new ArrayList<>();

  private QueueDraining<String> sender(QueueDraining.Handler<String> handler) {
    return new QueueDraining<>(
        queue, handler, QueueDraining.Completion.AFTER_HANDLER, RETRY, LEASE, clock);
  }

  private long enqueue(String item) {
    return queue.put(item);
  }

  @Test
  void aSendWhoseCompletionMeetsAnOutageIsCompletedOnceTheDatabaseAnswersAndIsNotSentAgain() {
    enqueue("first");
    enqueue("second");
    QueueDraining<String> worker =
        sender(
            claimed -> {
              sent.add(claimed.item());
              if (claimed.item().equals("first")) {
                queue.storageDown(true); // the database goes away between the send and its commit
              }
            });

    assertThat(worker.processNext()).isTrue();
    assertThatThrownBy(worker::processNext)
        .as("no new row while the outcome cannot be written")
        .isInstanceOf(StorageUnavailable.class);
    queue.storageDown(false);

    assertThat(worker.processNext()).as("the chat flows at once, no lease to wait for").isTrue();
    assertThat(worker.processNext()).isFalse();
    assertThat(sent).containsExactly("first", "second");
    assertThat(queue.rows()).allMatch(Row::done);
  }

  @Test
  void aFailedRowWhoseReleaseMeetsAnOutageIsReleasedOnceTheDatabaseAnswers() {
    enqueue("hello");
    QueueDraining<String> worker =
        sender(
            claimed -> {
              sent.add(claimed.item());
              if (sent.size() == 1) {
                queue.storageDown(true);
                throw new ChannelUnavailable("connect timed out");
              }
            });

    assertThat(worker.processNext()).isTrue();
    assertThatThrownBy(worker::processNext).isInstanceOf(StorageUnavailable.class);
    queue.storageDown(false);
    assertThat(worker.processNext()).as("released, due after its 1 s backoff").isFalse();
    assertThat(queue.rows().get(0).leasedUntil()).isEmpty();
    assertThat(queue.rows().get(0).lastError()).hasValue("ChannelUnavailable: connect timed out");

    clock.advance(Duration.ofSeconds(1));
    assertThat(worker.processNext()).isTrue();
    assertThat(sent).containsExactly("hello", "hello");
    assertThat(queue.rows()).allMatch(Row::done);
  }

  @Test
  void aRowInHandForMoreThanAThirdOfItsLeaseIsRenewedAndNoOtherWorkerTakesIt() {
    enqueue("slow");
    List<Boolean> otherFoundWork = new ArrayList<>();
    QueueDraining<String> other = sender(claimed -> sent.add("other: " + claimed.item()));
    @SuppressWarnings("unchecked")
    QueueDraining<String>[] self = new QueueDraining[1];
    self[0] =
        sender(
            claimed -> {
              clock.advance(Duration.ofSeconds(5));
              self[0].renewLeases(); // the pool's heartbeat: too early, nothing written
              assertThat(queue.rows().get(0).leasedUntil()).hasValue(start().plus(LEASE));
              clock.advance(Duration.ofSeconds(15));
              self[0].renewLeases();
              clock.advance(Duration.ofSeconds(20)); // 40 s in hand, past the first lease
              otherFoundWork.add(other.processNext());
              sent.add(claimed.item());
            });

    assertThat(self[0].processNext()).isTrue();

    assertThat(otherFoundWork).containsExactly(false);
    assertThat(sent).containsExactly("slow");
    assertThat(queue.rows()).allMatch(Row::done);
  }

  @Test
  void aWorkerWhoseLeaseRanOutAndWhoseRowAnotherTookChangesNothing() {
    enqueue("stale");
    enqueue("next");
    QueueDraining<String> other = sender(claimed -> sent.add("other: " + claimed.item()));
    QueueDraining<String> stale =
        sender(
            claimed -> {
              clock.advance(LEASE); // stalled without a heartbeat: the lease ran out
              assertThat(other.processNext()).isTrue();
              sent.add("stale: " + claimed.item());
            });

    assertThat(stale.processNext()).as("the lost claim is let go quietly").isTrue();

    Row<String> row = queue.rows().get(0);
    assertThat(row.done()).isTrue();
    assertThat(row.attempts()).isEqualTo(2);
    assertThat(other.processNext()).as("the chat goes on behind the row").isTrue();
    assertThat(sent).containsExactly("other: stale", "stale: stale", "other: next");
  }

  @Test
  void aRenewalThatFindsTheRowTakenLetsItGo() {
    enqueue("lost");
    QueueDraining<String> other = sender(claimed -> {});
    @SuppressWarnings("unchecked")
    QueueDraining<String>[] self = new QueueDraining[1];
    List<Instant> leaseAfterRenewal = new ArrayList<>();
    self[0] =
        sender(
            claimed -> {
              clock.advance(LEASE);
              assertThat(other.processNext()).isTrue();
              self[0].renewLeases();
              leaseAfterRenewal.add(queue.rows().get(0).leasedUntil().orElse(null));
            });

    assertThat(self[0].processNext()).isTrue();

    assertThat(leaseAfterRenewal).as("the other's completion stands").containsOnlyNulls();
    assertThat(queue.rows()).allMatch(Row::done);
  }

  @Test
  void aRowWhoseLeaseRanOutInHandIsNotSentAgainByAnotherThreadOfTheSameInstance() {
    enqueue("once");
    @SuppressWarnings("unchecked")
    QueueDraining<String>[] self = new QueueDraining[1];
    List<Boolean> secondThreadFoundWork = new ArrayList<>();
    self[0] =
        sender(
            claimed -> {
              sent.add(claimed.item());
              clock.advance(LEASE); // the database was away: no renewal, the lease ran out
              secondThreadFoundWork.add(self[0].processNext());
            });

    assertThat(self[0].processNext()).isTrue();

    assertThat(secondThreadFoundWork).containsExactly(true);
    assertThat(sent).as("sent once; completed under the newer claim").containsExactly("once");
    assertThat(queue.rows()).allMatch(Row::done);
    assertThat(self[0].processNext()).isFalse();
  }

  @Test
  void aHandlerWhoseOwnCompletionWasFencedHasItsRowDoneAgainAtOnce() {
    enqueue("redo");
    @SuppressWarnings("unchecked")
    QueueDraining<String>[] self = new QueueDraining[1];
    self[0] =
        new QueueDraining<>(
            queue,
            claimed -> {
              sent.add(claimed.item());
              if (sent.size() == 1) {
                clock.advance(LEASE);
                self[0].processNext(); // another thread here takes the expired row
              }
              queue.complete(claimed); // in the handler's transaction: fenced for the first
            },
            QueueDraining.Completion.BY_HANDLER,
            RETRY,
            LEASE,
            clock);

    assertThat(self[0].processNext()).isTrue();
    assertThat(queue.rows().get(0).done()).isFalse();
    assertThat(self[0].processNext()).as("given back at once, not after a lease").isTrue();

    assertThat(sent).containsExactly("redo", "redo");
    assertThat(queue.rows()).allMatch(Row::done);
  }

  @Test
  void aRowClaimedAgainByAnotherThreadJustAfterItsPostponementIsSentNotLeftLeased() {
    long id = enqueue("postponed");
    @SuppressWarnings("unchecked")
    QueueDraining<String>[] self = new QueueDraining[1];
    List<Boolean> otherThreadFoundWork = new ArrayList<>();
    queue.afterPostponing(() -> otherThreadFoundWork.add(self[0].processNext()));
    self[0] =
        sender(
            claimed -> {
              if (claimed.attempt() == 1 && sent.isEmpty()) {
                sent.add("waited");
                // the slot opens at once: the row is due again as its postponement is written,
                // and another thread claims it before this one has let it go
                throw new AwaitingSlot(clock.instant());
              }
              sent.add(claimed.item());
            });

    assertThat(self[0].processNext()).isTrue();

    assertThat(otherThreadFoundWork).containsExactly(true);
    assertThat(sent)
        .as("sent by the thread that claimed it again")
        .containsExactly("waited", "postponed");
    assertThat(queue.rows()).allMatch(Row::done);
    assertThat(queue.rows().get(0).leasedUntil()).as("row %d", id).isEmpty();
  }

  private Instant start() {
    return Instant.parse("2026-11-29T10:00:00Z");
  }

  /** The in-memory queue, one chat, rows added by the test. */
  private static final class ChatQueue extends InMemoryQueue<String> {
    private Runnable afterPostponing = () -> {};

    ChatQueue() {
      super(item -> "chat-1");
    }

    /** Runs {@code next} once a postponement is written, before the postponing worker goes on. */
    void afterPostponing(Runnable next) {
      afterPostponing = next;
    }

    @Override
    public void postpone(Claimed<String> claimed, Instant next, String reason) {
      super.postpone(claimed, next, reason);
      Runnable once = afterPostponing;
      afterPostponing = () -> {};
      once.run();
    }

    long put(String item) {
      return add(item);
    }
  }
}
