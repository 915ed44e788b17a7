package io.omnichannel.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.core.domain.ConnectionId;
import io.omnichannel.core.domain.InboundKind;
import io.omnichannel.core.domain.InboundRecord;
import io.omnichannel.core.port.in.QueueWorker;
import io.omnichannel.core.port.out.Claimed;
import io.omnichannel.launcher.work.WorkerPool;
import io.omnichannel.persistence.Persistence;
import io.omnichannel.persistence.PersistenceConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rows claimed together for the workers of one instance: kept for them, given back at stop. */
class WakingInboxTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Duration LEASE = Duration.ofSeconds(10);

  @TempDir Path folder;
  private Persistence persistence;
  private WakingInbox inbox;

  private WorkerPool idle;

  /** Three workers that wait idle whatever is stored (the test takes the rows itself). */
  @BeforeEach
  void open() {
    persistence =
        Persistence.open(PersistenceConfig.embedded(folder), Clock.fixed(T0, ZoneOffset.UTC));
    inbox = new WakingInbox(persistence, Clock.fixed(T0, ZoneOffset.UTC), LEASE, 3);
    idle =
        new WorkerPool(
            "idle",
            new QueueWorker() {
              @Override
              public boolean processNext() {
                return false;
              }

              @Override
              public void renewLeases() {}
            },
            3,
            Duration.ofMinutes(1),
            Duration.ofMinutes(1));
    idle.start();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (idle.idleThreads() < 3) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the workers never went idle");
      }
      Thread.onSpinWait();
    }
  }

  @AfterEach
  void close() throws InterruptedException {
    idle.stop(Duration.ofSeconds(10));
    persistence.close();
  }

  @Test
  void oneClaimTakesUpToARowPerWorkerAndTheOthersTakeTheirsFromIt() {
    for (String chat : new String[] {"a", "b", "c", "d"}) {
      assertThat(inbox.store(record(chat + "1", chat))).isTrue();
    }
    inbox.handTo(idle);

    assertThat(eventOf(inbox.claimNext(T0, LEASE))).isEqualTo("a1");
    assertThat(persistence.claimInbox(T0, LEASE, 10))
        .as("b1 and c1 were claimed with a1 (3 at most), d1 was left for a later claim")
        .extracting(c -> c.item().eventId())
        .containsExactly("d1");
    assertThat(eventOf(inbox.claimNext(T0, LEASE))).isEqualTo("b1");
    assertThat(eventOf(inbox.claimNext(T0, LEASE))).isEqualTo("c1");
    assertThat(inbox.claimNext(T0, LEASE)).isEmpty();
  }

  @Test
  void aRowKeptPastAFifthOfItsLeaseIsGivenBackInsteadOfWorkedOn() {
    inbox.store(record("a1", "a"));
    inbox.store(record("b1", "b"));
    inbox.handTo(idle); // stored unclaimed before: the workers find them by a claim
    Claimed<InboundRecord> first = inbox.claimNext(T0, LEASE).orElseThrow();
    assertThat(first.item().eventId()).isEqualTo("a1");
    persistence.inbox().complete(first);

    Instant late = T0.plus(LEASE.dividedBy(5)).plusMillis(1);
    Claimed<InboundRecord> again = inbox.claimNext(late, LEASE).orElseThrow();

    assertThat(again.item().eventId()).isEqualTo("b1");
    assertThat(again.token()).as("claimed anew, with a full lease").isNotEqualTo(first.token());
    assertThat(again.attempt()).as("kept and given back is no attempt").isEqualTo(1);
  }

  @Test
  void rowsNoWorkerTookAreGivenBackAtStop() {
    inbox.store(record("a1", "a"));
    inbox.store(record("b1", "b"));
    inbox.handTo(idle); // stored unclaimed before: the workers find them by a claim
    inbox.claimNext(T0, LEASE).orElseThrow();
    assertThat(persistence.inbox().claimNext(T0, LEASE)).isEmpty();

    inbox.giveBackUntaken();

    Claimed<InboundRecord> again = persistence.inbox().claimNext(T0, LEASE).orElseThrow();
    assertThat(again.item().eventId()).isEqualTo("b1");
    assertThat(again.attempt()).as("kept and given back is no attempt").isEqualTo(1);
  }

  private static String eventOf(Optional<Claimed<InboundRecord>> claimed) {
    return claimed.orElseThrow().item().eventId();
  }

  private static InboundRecord record(String eventId, String chat) {
    return new InboundRecord(
        InboundKind.CHANNEL_UPDATE,
        Optional.of(new ConnectionId("conn-1")),
        eventId,
        "conn-1/" + chat,
        "{}",
        T0);
  }
}
